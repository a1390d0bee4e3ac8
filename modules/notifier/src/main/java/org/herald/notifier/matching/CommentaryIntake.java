package org.herald.notifier.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.Commentary;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.delivery.NewDelivery;
import org.herald.notifier.digest.DigestItems;
import org.herald.notifier.digest.NewDigestItem;
import org.herald.notifier.member.Frequency;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in the association's commentary on an announcement, added or edited after it was
 * taken in (ADR 6, the event {@code commented}), in one transaction: the new version of
 * the commentary; a webhook {@code announcement.commented} for each partner whose filter
 * matches the announcement's latest revision; an item for the next digest of each
 * matching digest member; and, only when staff ask for it, an email to each member who
 * was already sent one about the announcement. Members whose immediate email is still
 * waiting need nothing: it shows the latest commentary when it is sent.
 */
public final class CommentaryIntake {

    private static final Log logger = LogFactory.getLog(CommentaryIntake.class);

    private final AnnouncementStore announcements;

    private final CommentaryStore commentaries;

    private final Recipients recipients;

    private final DeliveryLedger ledger;

    private final DigestItems digestItems;

    private final TransactionOperations transactions;

    private final Runnable afterCommit;

    CommentaryIntake(AnnouncementStore announcements, CommentaryStore commentaries, Recipients recipients,
            DeliveryLedger ledger, DigestItems digestItems, TransactionOperations transactions, Runnable afterCommit) {
        this.announcements = announcements;
        this.commentaries = commentaries;
        this.recipients = recipients;
        this.ledger = ledger;
        this.digestItems = digestItems;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
    }

    /**
     * Adds a version of the commentary on an announcement.
     * @param sendToAlreadyTold whether members already emailed about it are emailed the
     * commentary
     * @return what was recorded; empty if the notifier has not taken the announcement in
     */
    public Optional<Commented> comment(UUID announcementId, String text, boolean sendToAlreadyTold) {
        Optional<Commented> result = this.transactions.execute((status) -> {
            Optional<Commentary> added = this.commentaries.add(announcementId, text);
            Optional<AnnouncementTagged> announcement = this.announcements.find(announcementId);
            if (added.isEmpty() || announcement.isEmpty()) {
                return Optional.<Commented>empty();
            }
            return Optional.of(fanOut(added.get(), announcement.get(), sendToAlreadyTold));
        });
        if (result == null || result.isEmpty()) {
            return Optional.empty();
        }
        Commented commented = result.get();
        logger.info("Commentary " + commented.seq() + " on announcement " + announcementId + ": "
                + commented.deliveries() + " new deliveries, " + commented.digestItems() + " digest items");
        if (commented.deliveries() > 0) {
            this.afterCommit.run();
        }
        return result;
    }

    private Commented fanOut(Commentary commentary, AnnouncementTagged announcement, boolean sendToAlreadyTold) {
        int seq = commentary.seq();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (Recipients.PartnerMatch partner : this.recipients.partners(announcement)) {
            deliveries.add(new NewDelivery(announcement.id(), Channel.WEBHOOK, partner.partnerId(), partner.url(),
                    partner.tags(), EventKind.COMMENTED, seq));
        }
        List<NewDigestItem> items = new ArrayList<>();
        this.recipients.members(announcement).forEach((memberId, match) -> {
            if (match.frequency() != Frequency.IMMEDIATE) {
                items.add(new NewDigestItem(memberId, announcement.id(), match.frequency(), match.tags(),
                        EventKind.COMMENTED, seq));
            }
        });
        if (sendToAlreadyTold) {
            for (Delivery told : this.ledger.sentEmails(announcement.id())) {
                deliveries.add(new NewDelivery(announcement.id(), Channel.EMAIL, told.recipientId(), told.recipient(),
                        told.matchedTags(), EventKind.COMMENTED, seq));
            }
        }
        int recordedItems = this.digestItems.record(items);
        return new Commented(announcement.id(), seq, this.ledger.record(deliveries), recordedItems);
    }

    /**
     * What a commentary recorded.
     *
     * @param announcementId the announcement
     * @param seq the commentary's number
     * @param deliveries new emails and webhooks
     * @param digestItems new items for digests
     */
    public record Commented(UUID announcementId, int seq, int deliveries, int digestItems) {
    }

}
