package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitterTests {

    @Test
    void movesEachDelayWithinTheJitterAndSpreadsThem() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration delay = Dispatcher.jittered(Duration.ofMinutes(30), 0.2);
            assertThat(delay).isBetween(Duration.ofMinutes(24), Duration.ofMinutes(36));
            seen.add(delay);
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(Dispatcher.jittered(Duration.ZERO, 0.2)).isZero();
        assertThat(Dispatcher.jittered(Duration.ofSeconds(5), 0)).isEqualTo(Duration.ofSeconds(5));
    }

}
