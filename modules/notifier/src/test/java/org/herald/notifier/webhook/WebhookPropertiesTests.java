package org.herald.notifier.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPropertiesTests {

    @Test
    void toStringHidesTheSecretKey() {
        String key = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";
        WebhookProperties properties = new WebhookProperties(key, 8, Duration.ofSeconds(5), Duration.ofSeconds(15),
                List.of());
        assertThat(properties.toString()).doesNotContain(key).contains("hidden");
        assertThat(properties.usesDevelopmentKey()).isFalse();
        assertThat(properties.isSecretKeyValid()).isTrue();
    }

    @Test
    void knowsTheDevelopmentKeyAndRefusesKeysOfTheWrongSize() {
        WebhookProperties development = new WebhookProperties(WebhookProperties.DEVELOPMENT_SECRET_KEY, 8,
                Duration.ofSeconds(5), Duration.ofSeconds(15), List.of());
        assertThat(development.usesDevelopmentKey()).isTrue();
        assertThat(development.secretKeyBytes()).hasSize(32);
        assertThat(new WebhookProperties("c2hvcnQ=", 8, Duration.ofSeconds(5), Duration.ofSeconds(15), List.of())
            .isSecretKeyValid()).isFalse();
        assertThat(new WebhookProperties("not base64!", 8, Duration.ofSeconds(5), Duration.ofSeconds(15), List.of())
            .isSecretKeyValid()).isFalse();
    }

    @Test
    void readsRetryAfterAsSecondsOrADateCappedAtAnHour() {
        Instant now = Instant.parse("2026-02-04T10:00:00Z");
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "120"), now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "Wed, 04 Feb 2026 10:00:30 GMT"), now))
            .isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "86400"), now)).isEqualTo(Duration.ofHours(1));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "soon"), now)).isNull();
        assertThat(WebhookSender.retryAfter(null, now)).isNull();
    }

}
