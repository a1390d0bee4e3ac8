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
import org.jspecify.annotations.Nullable;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.DeliveryLedger;
import org.herald.notifier.delivery.NewDelivery;
import org.herald.notifier.digest.DigestItems;
import org.herald.notifier.digest.NewDigestItem;
import org.herald.notifier.hold.Holds;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.SubscriberInterest;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.Partners;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes in a tagged announcement: stores it and records, in the same transaction, for
 * each matching member one email delivery (when the most frequent of their matching
 * subscriptions is immediate) or one item for their next daily or weekly digest, and one
 * webhook delivery per matching partner. Taking the same announcement in again records
 * nothing new, so nothing is sent twice. Once the transaction has committed, the
 * dispatcher is told there is work.
 */
public final class AnnouncementIntake {

    private static final Log logger = LogFactory.getLog(AnnouncementIntake.class);

    private final AnnouncementStore announcements;

    private final Members members;

    private final Partners partners;

    private final DeliveryLedger ledger;

    private final DigestItems digestItems;

    private final TransactionOperations transactions;

    private final Runnable afterCommit;

    private final @Nullable Holds holds;

    public AnnouncementIntake(AnnouncementStore announcements, Members members, Partners partners,
            DeliveryLedger ledger, DigestItems digestItems, TransactionOperations transactions, Runnable afterCommit) {
        this(announcements, members, partners, ledger, digestItems, transactions, afterCommit, null);
    }

    /**
     * As the other constructor, with {@code holds} deciding, in the intake's transaction,
     * whether the fan-out waits for staff.
     */
    public AnnouncementIntake(AnnouncementStore announcements, Members members, Partners partners,
            DeliveryLedger ledger, DigestItems digestItems, TransactionOperations transactions, Runnable afterCommit,
            @Nullable Holds holds) {
        this.holds = holds;
        this.announcements = announcements;
        this.members = members;
        this.partners = partners;
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
        Integer recorded = this.transactions.execute((status) -> {
            this.announcements.save(announcement);
            List<NewDelivery> deliveries = new ArrayList<>();
            List<NewDigestItem> digestItems = new ArrayList<>();
            memberMatches(announcement).forEach((memberId, match) -> {
                List<String> tags = inAnnouncementOrder(announcement, match.tags());
                if (match.frequency() == Frequency.IMMEDIATE) {
                    deliveries.add(new NewDelivery(announcement.id(), Channel.EMAIL, memberId, match.address(), tags));
                }
                else {
                    digestItems.add(new NewDigestItem(memberId, announcement.id(), match.frequency(), tags));
                }
            });
            deliveries.addAll(webhooks(announcement));
            this.digestItems.record(digestItems);
            int recordedNow = this.ledger.record(deliveries);
            if (this.holds != null) {
                this.holds.consider(announcement.id(), announcement.relevance());
            }
            return recordedNow;
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
     * Each matching member, once, with the union of the tags their matching subscriptions
     * matched and the most frequent of those subscriptions' frequencies (immediate, then
     * daily, then weekly).
     */
    private Map<UUID, MemberMatch> memberMatches(AnnouncementTagged announcement) {
        List<String> tags = announcement.tagNames().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toList();
        Map<UUID, MemberMatch> byMember = new LinkedHashMap<>();
        for (SubscriberInterest interest : this.members.interestedInAny(tags, announcement.relevance())) {
            Interest wanted = Interest.of(interest.subscription().tags(), interest.subscription().match(),
                    interest.subscription().minRelevance(), interest.subscription().includeImplied());
            Optional<List<String>> matched = wanted.match(announcement);
            if (matched.isPresent()) {
                MemberMatch match = byMember.computeIfAbsent(interest.memberId(),
                        (id) -> new MemberMatch(interest.email()));
                match.tags().addAll(matched.get());
                match.consider(interest.subscription().frequency());
            }
        }
        return byMember;
    }

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

    private static List<String> inAnnouncementOrder(AnnouncementTagged announcement, Set<String> tags) {
        return announcement.tagNames().stream().filter(tags::contains).toList();
    }

    private static final class MemberMatch {

        private final String address;

        private final Set<String> tags = new LinkedHashSet<>();

        private Frequency frequency = Frequency.WEEKLY;

        MemberMatch(String address) {
            this.address = address;
        }

        String address() {
            return this.address;
        }

        Set<String> tags() {
            return this.tags;
        }

        Frequency frequency() {
            return this.frequency;
        }

        void consider(Frequency other) {
            this.frequency = this.frequency.mostFrequent(other);
        }

    }

}
