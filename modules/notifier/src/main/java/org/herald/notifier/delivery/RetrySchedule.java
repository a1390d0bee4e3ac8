package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The delay before each attempt of a delivery, the first attempt included:
 * {@code [0s, 5s, 30s]} means an attempt at once, another 5 s after it fails, a last one
 * 30 s after that; then the delivery fails.
 *
 * @param delays one delay per attempt, at least one
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
        if (delays.stream().anyMatch((delay) -> delay == null || delay.isNegative())) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        delays = List.copyOf(delays);
    }

    /** The delay before the first attempt. */
    public Duration firstDelay() {
        return this.delays.get(0);
    }

    /** How many attempts a delivery gets. */
    public int maxAttempts() {
        return this.delays.size();
    }

    /**
     * The delay before the next attempt after {@code attemptsMade} attempts failed; empty
     * when none is left.
     */
    public Optional<Duration> delayAfter(int attemptsMade) {
        return (attemptsMade < this.delays.size()) ? Optional.of(this.delays.get(Math.max(attemptsMade, 0)))
                : Optional.empty();
    }

}
