package org.herald.notifier.webhook;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.herald.support.net.Network;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are signed and sent.
 *
 * @param secretKey {@code herald.notifier.webhooks.secret-key}: base64 of the 32-byte AES
 * key that encrypts partners' signing secrets in the database. The default is a published
 * development key: set your own anywhere that matters (a warning is logged while the
 * default is in use)
 * @param concurrency {@code herald.notifier.webhooks.concurrency}: webhook requests under
 * way at once; also the most a crash can send twice
 * @param connectTimeout {@code herald.notifier.webhooks.connect-timeout}: to open a
 * connection
 * @param requestTimeout {@code herald.notifier.webhooks.request-timeout}: for the whole
 * request, from sending it to the end of the answer
 * @param retrySchedule {@code herald.notifier.webhooks.retry-schedule}: the delay before
 * each attempt of a webhook, the first included (Svix's schedule by default)
 * @param retryJitter {@code herald.notifier.webhooks.retry-jitter}: each retry delay is
 * moved by a random share of itself up to this fraction, up or down, so failed deliveries
 * do not come back in a herd
 * @param allowedNetworks {@code herald.notifier.webhooks.allowed-networks}: CIDR blocks
 * admitted although the guard refuses them otherwise (loopback, private, link-local,
 * ...); empty by default
 * @param requireHttps {@code herald.notifier.webhooks.require-https}: refuse plain http
 * endpoints (set it in production)
 * @param disableAfter {@code herald.notifier.webhooks.disable-after}: an endpoint failing
 * this long without a success is disabled and its contact told
 * @param secretOverlap {@code herald.notifier.webhooks.secret-overlap}: after a rotation,
 * how long requests are signed with the old secret as well as the new one
 * @param rateLimit {@code herald.notifier.webhooks.rate-limit}: messages per second to
 * one endpoint, unless the partner has its own
 * @param endpointConcurrency {@code herald.notifier.webhooks.endpoint-concurrency}:
 * requests under way to one endpoint at once, so a slow endpoint holds at most this many
 * of the {@code concurrency} workers
 */
@Validated
@ConfigurationProperties("herald.notifier.webhooks")
public record WebhookProperties(@DefaultValue(WebhookProperties.DEVELOPMENT_SECRET_KEY) @NotBlank String secretKey,
        @DefaultValue("8") @Min(1) @Max(1024) int concurrency, @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("15s") @NotNull Duration requestTimeout, @DefaultValue( {
                "0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) @NotEmpty List<@NotNull Duration> retrySchedule,
        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("0.5") double retryJitter,
        @DefaultValue List<@NotBlank String> allowedNetworks, @DefaultValue("false") boolean requireHttps,
        @DefaultValue("5d") @NotNull Duration disableAfter, @DefaultValue("24h") @NotNull Duration secretOverlap,
        @DefaultValue("10") @Min(1) @Max(10000) int rateLimit,
        @DefaultValue("2") @Min(1) @Max(1024) int endpointConcurrency){

    /**
     * The development key: base64 of {@code herald-dev-key-NOT-FOR-PRODUCTN!}. Never use
     * it in production.
     */
    public static final String DEVELOPMENT_SECRET_KEY = "aGVyYWxkLWRldi1rZXktTk9ULUZPUi1QUk9EVUNUTiE=";

    /** Svix's schedule: the delay before each attempt, the first included. */
    static final List<Duration> DEFAULT_RETRY_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10));

    /** The defaults, with {@code secretKey}: for tests and tools. */
    static WebhookProperties withKey(String secretKey) {
        return new WebhookProperties(secretKey, 8, Duration.ofSeconds(5), Duration.ofSeconds(15),
                DEFAULT_RETRY_SCHEDULE, 0.2, List.of(), false, Duration.ofDays(5), Duration.ofHours(24), 10, 2);
    }

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

    @AssertTrue(message = "allowed-networks must be CIDR blocks, such as 127.0.0.0/8 or ::1/128")
    public boolean isAllowedNetworksValid() {
        try {
            if (this.allowedNetworks != null) {
                this.allowedNetworks.forEach(Network::parse);
            }
            return true;
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "WebhookProperties[secretKey=hidden, concurrency=" + this.concurrency + ", connectTimeout="
                + this.connectTimeout + ", requestTimeout=" + this.requestTimeout + ", retrySchedule="
                + this.retrySchedule + ", retryJitter=" + this.retryJitter + ", allowedNetworks=" + this.allowedNetworks
                + ", requireHttps=" + this.requireHttps + ", disableAfter=" + this.disableAfter + ", secretOverlap="
                + this.secretOverlap + ", rateLimit=" + this.rateLimit + ", endpointConcurrency="
                + this.endpointConcurrency + "]";
    }

}
