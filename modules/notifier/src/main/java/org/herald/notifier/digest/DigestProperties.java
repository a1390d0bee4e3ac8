package org.herald.notifier.digest;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When digests are sent.
 *
 * @param dailyCron {@code herald.notifier.digests.daily-cron}: when the daily period ends
 * and its digests go (Spring cron: second minute hour day month weekday); {@code -} for
 * never
 * @param weeklyCron {@code herald.notifier.digests.weekly-cron}: the same for the weekly
 * period
 * @param zone {@code herald.notifier.digests.zone}: the time zone of both
 * @param retryPollInterval {@code herald.notifier.digests.retry-poll-interval}: how often
 * digests due for a retry (or left by a run that died) are looked for
 */
@Validated
@ConfigurationProperties("herald.notifier.digests")
public record DigestProperties(@DefaultValue("0 30 8 * * *") @NotBlank String dailyCron,
        @DefaultValue("0 30 8 * * MON") @NotBlank String weeklyCron,
        @DefaultValue("Europe/London") @NotNull ZoneId zone, @DefaultValue("10s") @NotNull Duration retryPollInterval) {
}
