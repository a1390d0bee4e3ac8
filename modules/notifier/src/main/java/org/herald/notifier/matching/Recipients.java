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

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.interest.Interest;
import org.herald.notifier.member.Frequency;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.SubscriberInterest;
import org.herald.notifier.partner.Partner;
import org.herald.notifier.partner.Partners;

/**
 * Who an announcement (at one revision, with its own tags) reaches: each matching member
 * once, with the tags their matching subscriptions matched and the most frequent of those
 * subscriptions' frequencies, and each enabled partner whose filter matches.
 */
final class Recipients {

    private final Members members;

    private final Partners partners;

    Recipients(Members members, Partners partners) {
        this.members = members;
        this.partners = partners;
    }

    /**
     * Each matching member, once, with the union of the tags their matching subscriptions
     * matched (in the announcement's order) and the most frequent of those subscriptions'
     * frequencies (immediate, then daily, then weekly).
     */
    Map<UUID, MemberMatch> members(AnnouncementTagged announcement) {
        List<String> tags = announcement.tagNames().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toList();
        Map<UUID, MemberMatch> byMember = new LinkedHashMap<>();
        for (SubscriberInterest interest : this.members.interestedInAny(tags, announcement.relevance())) {
            Interest wanted = Interest.of(interest.subscription().tags(), interest.subscription().match(),
                    interest.subscription().minRelevance(), interest.subscription().includeImplied());
            Optional<List<String>> matched = wanted.match(announcement);
            if (matched.isPresent()) {
                MemberMatch match = byMember.computeIfAbsent(interest.memberId(),
                        (id) -> new MemberMatch(interest.email()));
                match.tags.addAll(matched.get());
                match.frequency = match.frequency.mostFrequent(interest.subscription().frequency());
            }
        }
        byMember.values().forEach((match) -> match.ordered = inAnnouncementOrder(announcement, match.tags));
        return byMember;
    }

    /** Each enabled partner whose filter matches, with the tags it matched. */
    List<PartnerMatch> partners(AnnouncementTagged announcement) {
        List<PartnerMatch> matches = new ArrayList<>();
        for (Partner partner : this.partners.enabled()) {
            Interest.of(partner.tags(), partner.match(), partner.minRelevance(), partner.includeImplied())
                .match(announcement)
                .ifPresent((matched) -> matches.add(new PartnerMatch(partner.id(), partner.url(), matched)));
        }
        return matches;
    }

    private static List<String> inAnnouncementOrder(AnnouncementTagged announcement, Set<String> tags) {
        return announcement.tagNames().stream().filter(tags::contains).toList();
    }

    /** A matching member: their address, the tags matched, how often they hear. */
    static final class MemberMatch {

        private final String address;

        private final Set<String> tags = new LinkedHashSet<>();

        private List<String> ordered = List.of();

        private Frequency frequency = Frequency.WEEKLY;

        MemberMatch(String address) {
            this.address = address;
        }

        String address() {
            return this.address;
        }

        List<String> tags() {
            return this.ordered;
        }

        Frequency frequency() {
            return this.frequency;
        }

    }

    /**
     * A matching partner.
     *
     * @param partnerId the partner
     * @param url its endpoint
     * @param tags the tags its filter matched
     */
    record PartnerMatch(UUID partnerId, String url, List<String> tags) {
    }

}
