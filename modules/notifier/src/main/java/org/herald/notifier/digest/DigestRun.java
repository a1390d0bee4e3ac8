package org.herald.notifier.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.RetrySchedule;
import org.herald.notifier.email.DigestEntry;
import org.herald.notifier.email.DigestSender;
import org.herald.notifier.member.Frequency;

/**
 * Sends the digests of a period: creates them (the claim that makes a run idempotent),
 * then sends each one it created. A digest whose send fails for now is retried on the
 * email retry schedule by {@link #retryDue()}, which also sends the digests of a run that
 * died half way.
 */
final class DigestRun {

    private static final Log logger = LogFactory.getLog(DigestRun.class);

    private final Digests digests;

    private final AnnouncementStore announcements;

    private final DigestSender sender;

    private final RetrySchedule schedule;

    private final Duration lease;

    DigestRun(Digests digests, AnnouncementStore announcements, DigestSender sender, RetrySchedule schedule,
            Duration lease) {
        this.digests = digests;
        this.announcements = announcements;
        this.sender = sender;
        this.schedule = schedule;
        this.lease = lease;
    }

    /**
     * Runs the period of {@code frequency} that ends at {@code periodEnd}.
     * @return how many digests this run sent
     */
    int run(Frequency frequency, Instant periodEnd) {
        List<UUID> created = this.digests.create(frequency, periodEnd, this.lease);
        int sent = 0;
        for (UUID id : created) {
            Optional<Digests.ClaimedDigest> claimed = this.digests.claim(id);
            if (claimed.isPresent() && send(claimed.get())) {
                sent++;
            }
        }
        logger.info("Digest run " + frequency.value() + " " + periodEnd + ": " + created.size() + " created, " + sent
                + " sent");
        return sent;
    }

    /**
     * Sends digests due for a retry, and those whose run died mid-way; answers how many
     * were sent.
     */
    int retryDue() {
        int sent = 0;
        for (Digests.ClaimedDigest claimed : this.digests.claimDue(20, this.lease, this.schedule.maxAttempts())) {
            if (send(claimed)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Digests.ClaimedDigest digest) {
        DeliveryOutcome outcome;
        try {
            outcome = this.sender.send(digest.id(), digest.memberId(), digest.recipient(), digest.frequency(),
                    digest.periodEnd(), entries(digest.id()));
        }
        catch (Throwable ex) {
            logger.warn("Digest " + digest.id() + " failed unexpectedly; it will be retried", ex);
            outcome = DeliveryOutcome.retry("Unexpected failure: " + ex);
        }
        if (outcome instanceof DeliveryOutcome.Sent) {
            return this.digests.finish(digest, "sent", null);
        }
        if (outcome instanceof DeliveryOutcome.Suppressed suppressed) {
            this.digests.finish(digest, "suppressed", suppressed.reason());
        }
        else if (outcome instanceof DeliveryOutcome.Failed failed) {
            this.digests.finish(digest, "failed", failed.error());
            logger.warn("Digest " + digest.id() + " failed: " + failed.error());
        }
        else if (outcome instanceof DeliveryOutcome.Retry retry) {
            Optional<Duration> delay = this.schedule.retryAfter(digest.attempts(), null);
            if (delay.isPresent()) {
                this.digests.scheduleRetry(digest, retry.error(), delay.get());
                logger.info("Digest " + digest.id() + " attempt " + digest.attempts() + " failed (" + retry.error()
                        + "); next attempt in " + delay.get());
            }
            else {
                this.digests.finish(digest, "failed",
                        "Gave up after " + digest.attempts() + " attempts: " + retry.error());
            }
        }
        return false;
    }

    private List<DigestEntry> entries(UUID digestId) {
        List<DigestEntry> entries = new ArrayList<>();
        for (Digests.Item item : this.digests.items(digestId)) {
            Optional<AnnouncementTagged> announcement = this.announcements.find(item.announcementId());
            announcement.ifPresent((found) -> entries.add(new DigestEntry(found, item.matchedTags())));
        }
        return entries;
    }

}
