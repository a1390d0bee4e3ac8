package org.herald.notifier.email;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where members reach the notifier's public pages (unsubscribe, preferences).
 *
 * @param publicBaseUrl {@code herald.notifier.public-base-url}: the base of every link in
 * an email; https in production
 */
@Validated
@ConfigurationProperties("herald.notifier")
public record PublicSiteProperties(@DefaultValue("http://localhost:8083") @Pattern(regexp = "https?://[^\\s?#]+",
        message = "must be an absolute http(s) URL without query or fragment") String publicBaseUrl) {
}
