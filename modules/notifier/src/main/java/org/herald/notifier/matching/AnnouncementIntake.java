package org.herald.notifier.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.herald.events.AnnouncementTagged;
import org.herald.events.UpdateType;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.delivery.NewDelivery;
import org.herald.notifier.interest.Interest;
import org.herald.notifier.digest.DigestItems;
import org.herald.notifier.digest.NewDigestItem;
import org.herald.notifier.hold.Holds;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.member.StoryFollowers;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in a tagged announcement: stores it and records, in the same transaction, the
 * deliveries of its event (ADR 6). Revision 0 is {@code published}: for each matching
 * member one email delivery (when the most frequent of their matching subscriptions is
 * immediate) or one item for their next daily or weekly digest, and one webhook delivery
 * per matching partner. A later revision is {@code updated}, matched on its own tags:
 * every matching partner gets it; members only when it is a major update. Taking the same
 * record in again records nothing new, so nothing is sent twice. Once the transaction has
 * committed, the dispatcher is told there is work.
 */
public final class AnnouncementIntake {

    private static final Log logger = LogFactory.getLog(AnnouncementIntake.class);

    private final AnnouncementStore announcements;

    private final Recipients recipients;

    private final StoryFollowers followers;

    private final DeliveryLedger ledger;

    private final DigestItems digestItems;

    private final TransactionOperations transactions;

    private final Runnable afterCommit;

    private final @Nullable Holds holds;

    AnnouncementIntake(AnnouncementStore announcements, Recipients recipients, StoryFollowers followers,
            DeliveryLedger ledger, DigestItems digestItems, TransactionOperations transactions, Runnable afterCommit) {
        this(announcements, recipients, followers, ledger, digestItems, transactions, afterCommit, null);
    }

    /**
     * As the other constructor, with {@code holds} deciding, in the intake's transaction,
     * whether the fan-out waits for staff.
     */
    AnnouncementIntake(AnnouncementStore announcements, Recipients recipients, StoryFollowers followers,
            DeliveryLedger ledger, DigestItems digestItems, TransactionOperations transactions, Runnable afterCommit,
            @Nullable Holds holds) {
        this.holds = holds;
        this.announcements = announcements;
        this.recipients = recipients;
        this.followers = followers;
        this.ledger = ledger;
        this.digestItems = digestItems;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
    }

    /**
     * Takes {@code announcement} in.
     * @return how many deliveries were newly recorded
     */
    public int accept(AnnouncementTagged announcement) {
        EventKind kind = announcement.isUpdate() ? EventKind.UPDATED : EventKind.PUBLISHED;
        int revision = announcement.revision();
        boolean toMembers = !announcement.isUpdate() || announcement.updateType() == UpdateType.MAJOR;
        Integer recorded = this.transactions.execute((status) -> {
            this.announcements.save(announcement);
            List<NewDelivery> deliveries = new ArrayList<>();
            List<NewDigestItem> digestItems = new ArrayList<>();
            if (toMembers) {
                Map<UUID, Recipients.MemberMatch> matches = this.recipients.members(announcement);
                matches.forEach((memberId, match) -> {
                    if (match.frequency() == Frequency.IMMEDIATE) {
                        deliveries.add(new NewDelivery(announcement.id(), Channel.EMAIL, memberId, match.address(),
                                match.tags(), kind, revision));
                    }
                    else {
                        digestItems.add(new NewDigestItem(memberId, announcement.id(), match.frequency(), match.tags(),
                                kind, revision));
                    }
                });
                for (StoryFollowers.Follower follower : this.followers.carryOver(announcement.id(),
                        announcement.follows())) {
                    if (!matches.containsKey(follower.memberId())) {
                        deliveries.add(new NewDelivery(announcement.id(), Channel.EMAIL, follower.memberId(),
                                follower.email(), List.of(), kind, revision));
                    }
                }
            }
            for (Recipients.PartnerMatch partner : this.recipients.partners(announcement)) {
                deliveries.add(new NewDelivery(announcement.id(), Channel.WEBHOOK, partner.partnerId(), partner.url(),
                        partner.tags(), kind, revision));
            }
            this.digestItems.record(digestItems);
            int recordedNow = this.ledger.record(deliveries);
            if (this.holds != null) {
                this.holds.consider(announcement.id(), announcement.relevance());
            }
            return recordedNow;
        });
        int count = (recorded != null) ? recorded : 0;
        logger.info("Announcement " + announcement.id() + " " + kind.value() + " " + revision + describe(announcement)
                + " (relevance " + announcement.relevance() + ", tags " + announcement.tagNames() + "): " + count
                + " new deliveries");
        if (count > 0) {
            this.afterCommit.run();
        }
        return count;
    }

    private static String describe(AnnouncementTagged announcement) {
        return announcement.isUpdate() ? " " + announcement.updateType().name().toLowerCase(Locale.ROOT) : "";
    }

}
