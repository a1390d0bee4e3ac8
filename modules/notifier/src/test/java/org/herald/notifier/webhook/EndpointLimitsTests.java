package org.herald.notifier.webhook;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointLimitsTests {

    private final AtomicLong now = new AtomicLong();

    private final EndpointLimits limits = new EndpointLimits(2, 3, this.now::get);

    @Test
    void letsThroughAtMostTheRatePerSecond() {
        UUID endpoint = UUID.randomUUID();
        assertThat(this.limits.tryStart(endpoint, null)).isEmpty();
        this.limits.finish(endpoint);
        assertThat(this.limits.tryStart(endpoint, null)).isEmpty();
        this.limits.finish(endpoint);
        assertThat(this.limits.tryStart(endpoint, null)).hasValue(Duration.ofMillis(500));
        assertThat(this.limits.unavailable()).containsExactly(endpoint);
        this.now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(this.limits.unavailable()).isEmpty();
        assertThat(this.limits.tryStart(endpoint, null)).isEmpty();
    }

    @Test
    void capsTheRequestsUnderWayToOneEndpointWithoutTouchingOthers() {
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(this.limits.tryStart(slow, 100)).isEmpty();
        }
        assertThat(this.limits.tryStart(slow, 100)).hasValue(Duration.ofSeconds(1));
        assertThat(this.limits.unavailable()).containsExactly(slow);
        assertThat(this.limits.tryStart(fast, 100)).isEmpty();
        this.limits.finish(slow);
        assertThat(this.limits.tryStart(slow, 100)).isEmpty();
    }

}
