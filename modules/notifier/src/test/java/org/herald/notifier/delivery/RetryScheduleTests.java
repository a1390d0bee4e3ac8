package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryScheduleTests {

    private final RetrySchedule schedule = new RetrySchedule(
            List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30)));

    @Test
    void givesOneAttemptPerDelay() {
        assertThat(this.schedule.maxAttempts()).isEqualTo(3);
        assertThat(this.schedule.firstDelay()).isZero();
    }

    @Test
    void waitsTheNextDelayAfterEachFailedAttemptThenGivesUp() {
        assertThat(this.schedule.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(this.schedule.delayAfter(2)).contains(Duration.ofSeconds(30));
        assertThat(this.schedule.delayAfter(3)).isEmpty();
    }

    @Test
    void refusesAnEmptyOrNegativeSchedule() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1))));
    }

    @Test
    void movesEachDelayWithinTheJitterAndSpreadsThem() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration delay = RetrySchedule.jittered(Duration.ofMinutes(30), 0.2);
            assertThat(delay).isBetween(Duration.ofMinutes(24), Duration.ofMinutes(36));
            seen.add(delay);
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(RetrySchedule.jittered(Duration.ZERO, 0.2)).isZero();
        assertThat(RetrySchedule.jittered(Duration.ofSeconds(5), 0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retriesOnTheScheduleUntilTheAttemptsAreSpent() {
        assertThat(this.schedule.retryAfter(1, null)).contains(Duration.ofSeconds(5));
        assertThat(this.schedule.retryAfter(2, null)).contains(Duration.ofSeconds(30));
        assertThat(this.schedule.retryAfter(3, null)).isEmpty();
        assertThat(this.schedule.retryAfter(3, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void waitsAtLeastWhatTheRecipientAskedFor() {
        assertThat(this.schedule.retryAfter(1, Duration.ofMinutes(1))).contains(Duration.ofMinutes(1));
        assertThat(this.schedule.retryAfter(2, Duration.ofSeconds(1))).contains(Duration.ofSeconds(30));
    }

    @Test
    void jittersEachRetryOfAScheduleWithJitter() {
        RetrySchedule jittered = this.schedule.withJitter(0.2);
        assertThat(jittered.delays()).isEqualTo(this.schedule.delays());
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration delay = jittered.retryAfter(2, null).orElseThrow();
            assertThat(delay).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
            seen.add(delay);
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(jittered.retryAfter(3, null)).isEmpty();
        assertThat(jittered.retryAfter(2, Duration.ofMinutes(5))).contains(Duration.ofMinutes(5));
    }

}
