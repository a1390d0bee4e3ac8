package org.herald.notifier.matching;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.NewDelivery;
import org.herald.notifier.delivery.RetrySchedules;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.Partners;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in a tagged announcement: stores it and records, in the same transaction, for
 * each matching member one email delivery (when the most frequent of their matching
 * subscriptions is immediate) or one item for their next daily or weekly digest, and one
 * webhook delivery per matching partner. The members' rows are written by SQL from the
 * matching subscriptions ({@link MemberFanOut}), never read into memory, however many
 * they are. Taking the same announcement in again records nothing new, so nothing is sent
 * twice. Once the transaction has committed, the dispatcher is told there is work.
 */
public final class AnnouncementIntake {

    private static final Log logger = LogFactory.getLog(AnnouncementIntake.class);

    private final AnnouncementStore announcements;

    private final MemberFanOut members;

    private final Partners partners;

    private final DeliveryLedger ledger;

    private final RetrySchedules schedules;

    private final TransactionOperations transactions;

    private final Runnable afterCommit;

    public AnnouncementIntake(AnnouncementStore announcements, JdbcClient jdbc, Partners partners,
            DeliveryLedger ledger, RetrySchedules schedules, TransactionOperations transactions, Runnable afterCommit) {
        this.announcements = announcements;
        this.members = new MemberFanOut(jdbc);
        this.partners = partners;
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
        Integer recorded = this.transactions.execute((status) -> {
            this.announcements.save(announcement);
            MemberFanOut.Recorded members = this.members.record(announcement,
                    this.schedules.of(Channel.EMAIL).firstDelay().toMillis() / 1000.0);
            return members.emails() + this.ledger.record(webhooks(announcement));
        });
        int count = (recorded != null) ? recorded : 0;
        logger.info("Announcement " + announcement.id() + " (relevance " + announcement.relevance() + ", tags "
                + announcement.tagNames() + "): " + count + " new deliveries");
        if (count > 0) {
            this.afterCommit.run();
        }
        return count;
    }

    /**
     * One webhook delivery per enabled partner whose filter matches; partners are few.
     */
    private List<NewDelivery> webhooks(AnnouncementTagged announcement) {
        List<NewDelivery> deliveries = new ArrayList<>();
        for (Partner partner : this.partners.enabled()) {
            Interest.of(partner.tags(), partner.match(), partner.minRelevance(), partner.includeImplied())
                .match(announcement)
                .ifPresent((matched) -> deliveries
                    .add(new NewDelivery(announcement.id(), Channel.WEBHOOK, partner.id(), partner.url(), matched)));
        }
        return deliveries;
    }

}
