package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;

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

}
