package org.herald.notifier.webhook;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are signed and sent.
 *
 * @param secretKey {@code herald.notifier.webhooks.secret-key}: base64 of the 32-byte AES key that
 * encrypts partners' signing secrets in the database. The default is a published development key: set
 * your own anywhere that matters (a warning is logged while the default is in use)
 * @param concurrency {@code herald.notifier.webhooks.concurrency}: webhook requests under way at once;
 * also the most a crash can send twice
 * @param connectTimeout {@code herald.notifier.webhooks.connect-timeout}: to open a connection
 * @param requestTimeout {@code herald.notifier.webhooks.request-timeout}: for the whole request, from
 * sending it to the end of the answer
 * @param retrySchedule {@code herald.notifier.webhooks.retry-schedule}: the delay before each attempt of
 * a webhook; empty to use {@code herald.notifier.retry-schedule}
 */
@Validated
@ConfigurationProperties("herald.notifier.webhooks")
public record WebhookProperties(@DefaultValue(WebhookProperties.DEVELOPMENT_SECRET_KEY) @NotBlank String secretKey,
        @DefaultValue("8") @Min(1) @Max(1024) int concurrency,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("15s") @NotNull Duration requestTimeout,
        @DefaultValue List<@NotNull Duration> retrySchedule) {

    /** The development key: base64 of {@code herald-dev-key-NOT-FOR-PRODUCTN!}. Never use it in production. */
    public static final String DEVELOPMENT_SECRET_KEY = "aGVyYWxkLWRldi1rZXktTk9ULUZPUi1QUk9EVUNUTiE=";

    /** Whether the published development key is in use. */
    public boolean usesDevelopmentKey() {
        return DEVELOPMENT_SECRET_KEY.equals(this.secretKey);
    }

    /** The key's bytes. */
    public byte[] secretKeyBytes() {
        return Base64.getDecoder().decode(this.secretKey.strip());
    }

    @AssertTrue(message = "must be base64 of 32 bytes")
    public boolean isSecretKeyValid() {
        try {
            return this.secretKey != null && secretKeyBytes().length == 32;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "WebhookProperties[secretKey=hidden, concurrency=" + this.concurrency + ", connectTimeout="
                + this.connectTimeout + ", requestTimeout=" + this.requestTimeout + ", retrySchedule="
                + this.retrySchedule + "]";
    }

}
