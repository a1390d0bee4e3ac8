package org.herald.notifier.privacy;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the notifier keeps what it did, and when it prunes.
 *
 * @param deliveries {@code herald.notifier.retention.deliveries}: finished deliveries
 * (sent, failed, suppressed) older than this are deleted, with their webhook attempts
 * @param webhookAttempts {@code herald.notifier.retention.webhook-attempts}: webhook
 * attempts older than this are deleted
 * @param digests {@code herald.notifier.retention.digests}: finished digests older than
 * this are deleted, with their items
 * @param cron {@code herald.notifier.retention.cron}: when the pruning runs (Spring cron,
 * in the server's zone); {@code -} for never
 */
@Validated
@ConfigurationProperties("herald.notifier.retention")
public record RetentionProperties(@DefaultValue("90d") @NotNull Duration deliveries,
        @DefaultValue("30d") @NotNull Duration webhookAttempts, @DefaultValue("90d") @NotNull Duration digests,
        @DefaultValue(RetentionProperties.DEFAULT_CRON) @NotBlank String cron) {

    /** Every night at 03:15. */
    public static final String DEFAULT_CRON = "0 15 3 * * *";

}
