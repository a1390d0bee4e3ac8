package org.herald.notifier.email;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How announcement emails are written and sent. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from {@code herald.notifier.email.from}: the {@code From} address, with an optional name
 * @param messageIdDomain {@code herald.notifier.email.message-id-domain}: the right-hand side of the
 * {@code Message-ID}s, {@code <announcementId.memberId@domain>}
 * @param concurrency {@code herald.notifier.email.concurrency}: emails sent at once (SMTP connections);
 * also the most emails a crash can send twice
 * @param retrySchedule {@code herald.notifier.email.retry-schedule}: the delay before each attempt of an
 * email; empty to use {@code herald.notifier.retry-schedule}
 */
@Validated
@ConfigurationProperties("herald.notifier.email")
public record EmailProperties(@DefaultValue("Herald <herald@localhost>") @NotBlank String from,
        @DefaultValue("herald") @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+",
                message = "must be a domain name") String messageIdDomain,
        @DefaultValue("4") @Min(1) @Max(256) int concurrency, @DefaultValue List<@NotNull Duration> retrySchedule) {
}
