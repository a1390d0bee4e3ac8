package org.herald.notifier.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.apache.hc.core5.http.Header;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What an endpoint's answer, or the lack of one, means for the delivery: 2xx is sent; 410
 * Gone fails it (the endpoint is disabled); a 429 or 503 is retried after at least its
 * {@code Retry-After} (capped at an hour); any other answer, a network failure or no
 * answer in time is retried; an endpoint the guard refuses fails it. Knows nothing of
 * sockets: plain values in, an outcome out.
 */
final class WebhookAnswers {

    static final int GONE = 410;

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private WebhookAnswers() {
    }

    /**
     * The outcome of an answer.
     * @param status its status code
     * @param excerpt the first few KB of its body, as one line; may be empty
     * @param retryAfter its {@code Retry-After} header, if any
     * @param now the time it came
     */
    static DeliveryOutcome answered(int status, String excerpt, @Nullable Header retryAfter, Instant now) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.sent();
        }
        String error = "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (status == GONE) {
            return DeliveryOutcome.failed(error + " (endpoint disabled)");
        }
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(retryAfter, now);
            if (wait != null) {
                return DeliveryOutcome.retryAfter(error, wait);
            }
        }
        return DeliveryOutcome.retry(error);
    }

    /** The outcome of an endpoint the guard refused. */
    static DeliveryOutcome refused(RefusedEndpointException ex) {
        return DeliveryOutcome.failed("Refused by the SSRF guard: " + ex.getMessage());
    }

    /** The outcome of an endpoint whose URL is not one. */
    static DeliveryOutcome notAUrl() {
        return DeliveryOutcome.failed("The endpoint is not a valid URL");
    }

    /** The outcome of a request that got no answer within {@code timeout}. */
    static DeliveryOutcome noAnswer(Duration timeout) {
        return DeliveryOutcome.retry("No answer within " + timeout);
    }

    /**
     * The outcome of a request that failed on the way (a refused connection, a reset).
     */
    static DeliveryOutcome broken(Exception ex) {
        return DeliveryOutcome.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }

    /**
     * The wait a {@code Retry-After} header asks for (seconds or an HTTP date), capped at
     * an hour; or null.
     */
    static @Nullable Duration retryAfter(@Nullable Header header, Instant now) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        }
        catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return (wait.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : wait;
    }

}
