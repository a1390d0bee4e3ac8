package org.herald.notifier.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.herald.notifier.delivery.RetrySchedules;
import org.herald.notifier.hold.Holds;
import org.herald.notifier.member.StoryFollowers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in a tagged announcement: stores it and records, in the same transaction, the
 * deliveries of its event (ADR 6). Revision 0 is {@code published}: for each matching
 * member one email delivery (when the most frequent of their matching subscriptions is
 * immediate) or one item for their next daily or weekly digest, and one webhook delivery
 * per matching partner. A later revision is {@code updated}, matched on its own tags:
 * every matching partner gets it; members (and the story's followers) only when it is a
 * major update. The members' rows are written by SQL from the matching subscriptions
 * ({@link MemberFanOut}), never read into memory, however many they are. Taking the same
 * record in again records nothing new, so nothing is sent twice. Once the transaction has
 * committed, the dispatcher is told there is work.
 */
public final class AnnouncementIntake {

    private static final Log logger = LogFactory.getLog(AnnouncementIntake.class);

    private final AnnouncementStore announcements;

    private final MemberFanOut members;

    private final Recipients recipients;

    private final StoryFollowers followers;

    private final DeliveryLedger ledger;

    private final RetrySchedules schedules;

    private final TransactionOperations transactions;

    private final Runnable afterCommit;

    private final @Nullable Holds holds;

    AnnouncementIntake(AnnouncementStore announcements, JdbcClient jdbc, Recipients recipients,
            StoryFollowers followers, DeliveryLedger ledger, RetrySchedules schedules,
            TransactionOperations transactions, Runnable afterCommit) {
        this(announcements, jdbc, recipients, followers, ledger, schedules, transactions, afterCommit, null);
    }

    /**
     * As the other constructor, with {@code holds} deciding, in the intake's transaction,
     * whether the fan-out waits for staff.
     */
    AnnouncementIntake(AnnouncementStore announcements, JdbcClient jdbc, Recipients recipients,
            StoryFollowers followers, DeliveryLedger ledger, RetrySchedules schedules,
            TransactionOperations transactions, Runnable afterCommit, @Nullable Holds holds) {
        this.holds = holds;
        this.announcements = announcements;
        this.members = new MemberFanOut(jdbc);
        this.recipients = recipients;
        this.followers = followers;
        this.ledger = ledger;
        this.schedules = schedules;
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
            int recordedNow = 0;
            List<NewDelivery> deliveries = new ArrayList<>();
            if (toMembers) {
                recordedNow += this.members
                    .record(announcement, kind, revision,
                            this.schedules.of(Channel.EMAIL).firstDelay().toMillis() / 1000.0)
                    .emails();
                // Followers already told by the fan-out conflict and are left alone.
                for (StoryFollowers.Follower follower : this.followers.carryOver(announcement.id(),
                        announcement.follows())) {
                    deliveries.add(new NewDelivery(announcement.id(), Channel.EMAIL, follower.memberId(),
                            follower.email(), List.of(), kind, revision));
                }
            }
            for (Recipients.PartnerMatch partner : this.recipients.partners(announcement)) {
                deliveries.add(new NewDelivery(announcement.id(), Channel.WEBHOOK, partner.partnerId(), partner.url(),
                        partner.tags(), kind, revision));
            }
            recordedNow += this.ledger.record(deliveries);
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
