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
        WebhookProperties properties = WebhookProperties.withKey(key);
        assertThat(properties.toString()).doesNotContain(key).contains("hidden");
        assertThat(properties.usesDevelopmentKey()).isFalse();
        assertThat(properties.isSecretKeyValid()).isTrue();
    }

    @Test
    void knowsTheDevelopmentKeyAndRefusesKeysOfTheWrongSize() {
        WebhookProperties development = WebhookProperties.withKey(WebhookProperties.DEVELOPMENT_SECRET_KEY);
        assertThat(development.usesDevelopmentKey()).isTrue();
        assertThat(development.secretKeyBytes()).hasSize(32);
        assertThat(WebhookProperties.withKey("c2hvcnQ=").isSecretKeyValid()).isFalse();
        assertThat(WebhookProperties.withKey("not base64!").isSecretKeyValid()).isFalse();
    }

    @Test
    void defaultsToSvixsScheduleAndRefusesAllowedNetworksThatAreNotCidrBlocks() {
        WebhookProperties defaults = WebhookProperties.withKey(WebhookProperties.DEVELOPMENT_SECRET_KEY);
        assertThat(defaults.retrySchedule()).extracting(Duration::toString)
            .containsExactly("PT0S", "PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT10H");
        assertThat(defaults.isAllowedNetworksValid()).isTrue();
        assertThat(withNetworks("127.0.0.0/8", "::1/128", "10.1.2.3").isAllowedNetworksValid()).isTrue();
        assertThat(withNetworks("localhost").isAllowedNetworksValid()).isFalse();
        assertThat(withNetworks("127.0.0.0/33").isAllowedNetworksValid()).isFalse();
        assertThat(withNetworks("0x7f.0.0.0/8").isAllowedNetworksValid()).isFalse();
    }

    private static WebhookProperties withNetworks(String... networks) {
        return new WebhookProperties(WebhookProperties.DEVELOPMENT_SECRET_KEY, 8, Duration.ofSeconds(5),
                Duration.ofSeconds(15), List.of(Duration.ZERO), 0.2, List.of(networks), false, Duration.ofDays(5),
                Duration.ofHours(24), 10, 2);
    }

    @Test
    void readsRetryAfterAsSecondsOrADateCappedAtAnHour() {
        Instant now = Instant.parse("2026-02-04T10:00:00Z");
        assertThat(WebhookAnswers.retryAfter(new BasicHeader("Retry-After", "120"), now))
            .isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookAnswers.retryAfter(new BasicHeader("Retry-After", "Wed, 04 Feb 2026 10:00:30 GMT"), now))
            .isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookAnswers.retryAfter(new BasicHeader("Retry-After", "86400"), now))
            .isEqualTo(Duration.ofHours(1));
        assertThat(WebhookAnswers.retryAfter(new BasicHeader("Retry-After", "soon"), now)).isNull();
        assertThat(WebhookAnswers.retryAfter(null, now)).isNull();
    }

}
