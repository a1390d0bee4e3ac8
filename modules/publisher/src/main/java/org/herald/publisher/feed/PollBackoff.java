package org.herald.publisher.feed;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The wait before the next poll of a failing source: its interval doubled for each
 * failure in a row, at least the {@code Retry-After}, at most the maximum backoff.
 */
final class PollBackoff {

    private final Duration maxBackoff;

    PollBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    Duration after(Source source, @Nullable Duration retryAfter) {
        int failures = Math.min(source.status().consecutiveFailures(), 16);
        Duration doubled = source.interval().multipliedBy(1L << failures);
        Duration wait = (retryAfter != null && retryAfter.compareTo(doubled) > 0) ? retryAfter : doubled;
        return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
    }

}
