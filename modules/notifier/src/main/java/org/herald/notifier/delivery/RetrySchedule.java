package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The delay before each attempt of a delivery, the first attempt included:
 * {@code [0s, 5s, 30s]} means an attempt at once, another 5 s after it fails, a last one
 * 30 s after that; then the delivery fails. Each retry's delay may be moved at random by
 * the schedule's jitter, so that the retries of many deliveries that failed together do
 * not come due together.
 *
 * @param delays one delay per attempt, at least one
 * @param jitter how far each retry delay may be moved at random, as a fraction of it, up
 * or down (0.2: ±20 %); 0 for the delays as they are
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    /** A schedule without jitter. */
    public RetrySchedule(List<Duration> delays) {
        this(delays, 0);
    }

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
        if (delays.stream().anyMatch((delay) -> delay == null || delay.isNegative())) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        delays = List.copyOf(delays);
    }

    /** This schedule's delays with {@code jitter}. */
    public RetrySchedule withJitter(double jitter) {
        return new RetrySchedule(this.delays, jitter);
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

    /**
     * The decision after an attempt failed for now: the wait before the next attempt (the
     * schedule's delay, jittered, but at least {@code notBefore}), or empty to give up,
     * for the attempts are spent.
     * @param attemptsMade the attempts made so far, the failed one included
     * @param notBefore the least wait the recipient asked for, or null
     */
    public Optional<Duration> retryAfter(int attemptsMade, @Nullable Duration notBefore) {
        return delayAfter(attemptsMade).map((scheduled) -> {
            Duration delay = jittered(scheduled, this.jitter);
            return (notBefore != null && notBefore.compareTo(delay) > 0) ? notBefore : delay;
        });
    }

    /** {@code delay} moved at random by up to {@code jitter} of itself, up or down. */
    static Duration jittered(Duration delay, double jitter) {
        if (jitter <= 0 || delay.isZero()) {
            return delay;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

}
