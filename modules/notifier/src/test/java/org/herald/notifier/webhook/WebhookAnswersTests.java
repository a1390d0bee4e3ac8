package org.herald.notifier.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.core5.http.message.BasicHeader;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an endpoint's answer means for the delivery, from plain values.
 */
class WebhookAnswersTests {

    private static final Instant NOW = Instant.parse("2026-02-04T10:00:00Z");

    @Test
    void takesEvery2xxAsSent() {
        assertThat(WebhookAnswers.answered(200, "", null, NOW)).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(WebhookAnswers.answered(204, "", null, NOW)).isInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(WebhookAnswers.answered(299, "ignored", null, NOW)).isInstanceOf(DeliveryOutcome.Sent.class);
    }

    @Test
    void failsFor410GoneWithTheAnswerInTheError() {
        assertThat(WebhookAnswers.answered(410, "gone for good", null, NOW))
            .isEqualTo(DeliveryOutcome.failed("HTTP 410: gone for good (endpoint disabled)"));
        assertThat(WebhookAnswers.answered(410, "", null, NOW))
            .isEqualTo(DeliveryOutcome.failed("HTTP 410 (endpoint disabled)"));
    }

    @Test
    void retriesAnyOtherAnswer() {
        assertThat(WebhookAnswers.answered(500, "boom", null, NOW)).isEqualTo(DeliveryOutcome.retry("HTTP 500: boom"));
        assertThat(WebhookAnswers.answered(302, "", new BasicHeader("Retry-After", "60"), NOW))
            .isEqualTo(DeliveryOutcome.retry("HTTP 302"));
        assertThat(WebhookAnswers.answered(404, "", null, NOW)).isEqualTo(DeliveryOutcome.retry("HTTP 404"));
    }

    @Test
    void waitsAtLeastTheRetryAfterOfA429OrA503() {
        assertThat(WebhookAnswers.answered(429, "slow down", new BasicHeader("Retry-After", "120"), NOW))
            .isEqualTo(DeliveryOutcome.retryAfter("HTTP 429: slow down", Duration.ofMinutes(2)));
        assertThat(WebhookAnswers.answered(503, "", new BasicHeader("Retry-After", "86400"), NOW))
            .isEqualTo(DeliveryOutcome.retryAfter("HTTP 503", Duration.ofHours(1)));
        assertThat(WebhookAnswers.answered(429, "", new BasicHeader("Retry-After", "soon"), NOW))
            .isEqualTo(DeliveryOutcome.retry("HTTP 429"));
        assertThat(WebhookAnswers.answered(429, "", null, NOW)).isEqualTo(DeliveryOutcome.retry("HTTP 429"));
    }

    @Test
    void readsAPastRetryAfterDateAsNoWait() {
        assertThat(WebhookAnswers.retryAfter(new BasicHeader("Retry-After", "Wed, 04 Feb 2026 09:59:00 GMT"), NOW))
            .isZero();
    }

    @Test
    void failsARefusedEndpointAndRetriesANetworkFailureOrNoAnswer() {
        assertThat(WebhookAnswers.refused(new RefusedEndpointException("10.0.0.1 is a private address")))
            .isEqualTo(DeliveryOutcome.failed("Refused by the SSRF guard: 10.0.0.1 is a private address"));
        assertThat(WebhookAnswers.notAUrl()).isEqualTo(DeliveryOutcome.failed("The endpoint is not a valid URL"));
        assertThat(WebhookAnswers.noAnswer(Duration.ofSeconds(15)))
            .isEqualTo(DeliveryOutcome.retry("No answer within PT15S"));
        IOException refused = new ConnectException("Connection refused");
        assertThat(WebhookAnswers.broken(refused))
            .isEqualTo(DeliveryOutcome.retry("ConnectException: Connection refused"));
    }

}
