package org.herald.publisher.announcement;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the announcements API.
 *
 * @param apiKeys {@code herald.publisher.api-keys}: bearer keys accepted by
 * {@code POST /api/v1/announcements}; none configured means every post answers 401
 * @param sendTimeout {@code herald.publisher.send-timeout}: how long a post waits for the
 * broker to acknowledge the record before answering 503; the producer's own timeouts are
 * derived from it
 * @param maxBodyBytes {@code herald.publisher.max-body-bytes}: the largest request body
 * accepted; a larger one answers 413
 */
@ConfigurationProperties("herald.publisher")
record AnnouncementProperties(List<String> apiKeys, @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("262144") long maxBodyBytes) {

    AnnouncementProperties {
        apiKeys = (apiKeys != null) ? apiKeys.stream().filter((key) -> key != null && !key.isBlank()).toList()
                : List.of();
        if (sendTimeout == null || sendTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("herald.publisher.send-timeout must be at least 100ms");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("herald.publisher.max-body-bytes must be positive");
        }
    }

    @Override
    public String toString() {
        return "AnnouncementProperties[apiKeys=" + this.apiKeys.size() + " key(s), hidden, sendTimeout="
                + this.sendTimeout + ", maxBodyBytes=" + this.maxBodyBytes + "]";
    }

}
