package org.herald.notifier.email;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How emails are written and sent. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from {@code herald.notifier.email.from}: the {@code From} address, with an
 * optional name
 * @param messageIdDomain {@code herald.notifier.email.message-id-domain}: the right-hand
 * side of the {@code Message-ID}s, {@code <announcementId.memberId@domain>}
 * @param concurrency {@code herald.notifier.email.concurrency}: emails sent at once, and
 * the most SMTP connections kept open; also the most emails a crash can send twice
 * @param retrySchedule {@code herald.notifier.email.retry-schedule}: the delay before
 * each attempt of an email; empty to use {@code herald.notifier.retry-schedule}
 * @param rate {@code herald.notifier.email.rate}: the most emails sent per second by this
 * instance; 0 for no limit
 * @param idleTimeout {@code herald.notifier.email.idle-timeout}: how long an open SMTP
 * connection may wait for the next email before it is closed
 * @param allowlist {@code herald.notifier.email.allowlist}: for non-production systems,
 * the only addresses really sent to (patterns, {@code *} for any characters, without
 * regard to case, e.g. {@code *@example.org}); every other email is logged and marked
 * {@code suppressed}. Empty: all addresses
 * @param linkKey {@code herald.notifier.email.link-key}: the HMAC-SHA256 key that signs
 * the tokens of the unsubscribe and preferences links (at least 32 characters). Secret
 * @param linkTtl {@code herald.notifier.email.link-ttl}: how long such a link works after
 * the email is written
 * @param sendTimeout {@code herald.notifier.email.send-timeout}: the most one SMTP send
 * may take as a whole, connecting included; a send still under way then has its
 * connection closed and is retried. Shorter than {@code herald.notifier.dispatch.lease}
 * (checked at start-up), so a stalled send is retried rather than left claimed; unset, 60
 * s or half the lease, whichever is shorter. The connect and read timeouts
 * ({@code spring.mail.properties[mail.smtp.timeout]} and the like) bound connecting and
 * each read within it, and the deadline alone each write ({@code mail.smtp.writetimeout}
 * is taken off the sockets the send deadlines open)
 * @param associationName {@code herald.notifier.email.association-name}: who signs the
 * commentary in emails ("What this means for members")
 */
@Validated
@ConfigurationProperties("herald.notifier.email")
public record EmailProperties(@DefaultValue("Herald <herald@localhost>") @NotBlank String from,
        @DefaultValue("herald") @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+",
                message = "must be a domain name") String messageIdDomain,
        @DefaultValue("16") @Min(1) @Max(256) int concurrency, @DefaultValue List<@NotNull Duration> retrySchedule,
        @DefaultValue("0") @DecimalMin("0") double rate, @DefaultValue("30s") @NotNull Duration idleTimeout,
        @DefaultValue List<@NotBlank String> allowlist,
        @DefaultValue(EmailProperties.DEVELOPMENT_LINK_KEY) @NotBlank @Size(min = 32,
                message = "must be at least 32 characters") String linkKey,
        @DefaultValue("90d") @NotNull Duration linkTtl, @Nullable Duration sendTimeout,
        @DefaultValue(EmailProperties.DEFAULT_ASSOCIATION_NAME) @NotBlank String associationName) {

    /** Who signs the commentary when no name is configured. */
    public static final String DEFAULT_ASSOCIATION_NAME = "The association";

    /** The link key used when none is configured: fine on a laptop, never elsewhere. */
    public static final String DEVELOPMENT_LINK_KEY = "herald-development-link-key-NOT-FOR-PRODUCTION";

    /** The longest {@link #sendTimeout()} when none is set. */
    static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The send timeout in force with {@code lease}: the one set, or 60 s or half the
     * lease, whichever is shorter.
     * @throws IllegalStateException if the one set is not shorter than the lease
     */
    Duration sendTimeout(Duration lease) {
        if (this.sendTimeout == null) {
            Duration half = lease.dividedBy(2);
            return (half.compareTo(DEFAULT_SEND_TIMEOUT) < 0) ? half : DEFAULT_SEND_TIMEOUT;
        }
        if (this.sendTimeout.compareTo(lease) >= 0) {
            throw new IllegalStateException("herald.notifier.email.send-timeout (" + this.sendTimeout
                    + ") must be shorter than herald.notifier.dispatch.lease (" + lease
                    + "): a send still under way when its lease ends would be sent a second time");
        }
        return this.sendTimeout;
    }

    @Override
    public String toString() {
        return "EmailProperties[from=" + this.from + ", messageIdDomain=" + this.messageIdDomain + ", concurrency="
                + this.concurrency + ", retrySchedule=" + this.retrySchedule + ", rate=" + this.rate + ", idleTimeout="
                + this.idleTimeout + ", allowlist=" + this.allowlist + ", linkKey=(secret), linkTtl=" + this.linkTtl
                + ", sendTimeout=" + this.sendTimeout + ", associationName=" + this.associationName + "]";
    }

}
