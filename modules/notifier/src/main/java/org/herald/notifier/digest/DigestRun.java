package org.herald.notifier.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.delivery.RetrySchedule;
import org.herald.notifier.email.DigestEntry;
import org.herald.notifier.email.DigestSender;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.privacy.MaskedAddresses;

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

    private final CommentaryStore commentaries;

    private final DigestSender sender;

    private final RetrySchedule schedule;

    private final Duration lease;

    DigestRun(Digests digests, AnnouncementStore announcements, CommentaryStore commentaries, DigestSender sender,
            RetrySchedule schedule, Duration lease) {
        this.digests = digests;
        this.announcements = announcements;
        this.commentaries = commentaries;
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
            logger.warn("Digest " + digest.id() + " failed: " + MaskedAddresses.maskAll(failed.error()));
        }
        else if (outcome instanceof DeliveryOutcome.Retry retry) {
            Optional<Duration> delay = this.schedule.retryAfter(digest.attempts(), null);
            if (delay.isPresent()) {
                this.digests.scheduleRetry(digest, retry.error(), delay.get());
                logger.info("Digest " + digest.id() + " attempt " + digest.attempts() + " failed ("
                        + MaskedAddresses.maskAll(retry.error()) + "); next attempt in " + delay.get());
            }
            else {
                this.digests.finish(digest, "failed",
                        "Gave up after " + digest.attempts() + " attempts: " + retry.error());
            }
        }
        return false;
    }

    /**
     * Each announcement of the digest once, at its latest revision, with the union of the
     * tags its events matched; marked updated when one of them is an update.
     */
    private List<DigestEntry> entries(UUID digestId) {
        Map<UUID, List<Digests.Item>> byAnnouncement = new LinkedHashMap<>();
        for (Digests.Item item : this.digests.items(digestId)) {
            byAnnouncement.computeIfAbsent(item.announcementId(), (id) -> new ArrayList<>()).add(item);
        }
        List<DigestEntry> entries = new ArrayList<>();
        byAnnouncement.forEach((id, items) -> {
            Optional<AnnouncementTagged> announcement = this.announcements.find(id);
            Set<String> tags = new LinkedHashSet<>();
            items.forEach((item) -> tags.addAll(item.matchedTags()));
            boolean updated = items.stream().anyMatch((item) -> item.eventKind() == EventKind.UPDATED);
            announcement.ifPresent((found) -> entries
                .add(new DigestEntry(found, List.copyOf(tags), updated, this.commentaries.current(found))));
        });
        return entries;
    }

}
