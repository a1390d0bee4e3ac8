package org.herald.notifier.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.NewDelivery;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.SubscriberInterest;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.Partners;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in a tagged announcement: stores it and records, in the same transaction, one email delivery
 * per member with a matching immediate subscription and one webhook delivery per matching partner. Taking
 * the same announcement in again records nothing new, so nothing is sent twice. Once the transaction has
 * committed, the dispatcher is told there is work.
 */
public final class AnnouncementIntake {

    private static final Log logger = LogFactory.getLog(AnnouncementIntake.class);

    private final AnnouncementStore announcements;

    private final Members members;

    private final Partners partners;

    private final DeliveryLedger ledger;

    private final TransactionOperations transactions;

    private final Runnable afterCommit;

    public AnnouncementIntake(AnnouncementStore announcements, Members members, Partners partners,
            DeliveryLedger ledger, TransactionOperations transactions, Runnable afterCommit) {
        this.announcements = announcements;
        this.members = members;
        this.partners = partners;
        this.ledger = ledger;
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
            List<NewDelivery> deliveries = new ArrayList<>(emails(announcement));
            deliveries.addAll(webhooks(announcement));
            return this.ledger.record(deliveries);
        });
        int count = (recorded != null) ? recorded : 0;
        logger.info("Announcement " + announcement.id() + " (relevance " + announcement.relevance() + ", tags "
                + announcement.tagNames() + "): " + count + " new deliveries");
        if (count > 0) {
            this.afterCommit.run();
        }
        return count;
    }

    private List<NewDelivery> emails(AnnouncementTagged announcement) {
        List<String> tags = announcement.tagNames().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toList();
        Map<UUID, Recipient> byMember = new LinkedHashMap<>();
        for (SubscriberInterest interest : this.members.interestedInAny(tags, announcement.relevance())) {
            if (interest.subscription().frequency() != Frequency.IMMEDIATE) {
                continue; // digests (daily, weekly) gather their matches themselves
            }
            Interest wanted = Interest.of(interest.subscription().tags(), interest.subscription().match(),
                    interest.subscription().minRelevance());
            Optional<List<String>> matched = wanted.match(announcement);
            if (matched.isPresent()) {
                byMember.computeIfAbsent(interest.memberId(), (id) -> new Recipient(interest.email()))
                    .tags()
                    .addAll(matched.get());
            }
        }
        List<NewDelivery> deliveries = new ArrayList<>();
        byMember.forEach((memberId, recipient) -> deliveries.add(new NewDelivery(announcement.id(), Channel.EMAIL,
                memberId, recipient.address(), inAnnouncementOrder(announcement, recipient.tags()))));
        return deliveries;
    }

    private List<NewDelivery> webhooks(AnnouncementTagged announcement) {
        List<NewDelivery> deliveries = new ArrayList<>();
        for (Partner partner : this.partners.enabled()) {
            Interest.of(partner.tags(), partner.match(), partner.minRelevance())
                .match(announcement)
                .ifPresent((matched) -> deliveries.add(new NewDelivery(announcement.id(), Channel.WEBHOOK,
                        partner.id(), partner.url(), matched)));
        }
        return deliveries;
    }

    private static List<String> inAnnouncementOrder(AnnouncementTagged announcement, Set<String> tags) {
        return announcement.tagNames().stream().filter(tags::contains).toList();
    }

    private record Recipient(String address, Set<String> tags) {

        Recipient(String address) {
            this(address, new LinkedHashSet<>());
        }

    }

}
