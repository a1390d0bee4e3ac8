package org.herald.notifier.interest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.herald.events.AnnouncementTagged;
import org.herald.events.TagMatch;

/**
 * What a subscription or a partner wants: tags, matched {@link MatchMode#ANY any} or
 * {@link MatchMode#ALL all}, a least relevance, and whether tags the announcement has
 * only by implication count. No tags at all means every announcement of enough relevance.
 * Tags compare without regard to case.
 *
 * @param tags the tags
 * @param match any or all
 * @param minRelevance the least overall relevance, 0–3
 * @param includeImplied whether an {@link TagMatch#implied() implied} tag counts; when
 * not, the announcement is matched as if it did not have it
 */
public record Interest(Set<String> tags, MatchMode match, int minRelevance, boolean includeImplied) {

    public Interest {
        Set<String> lower = new HashSet<>();
        tags.forEach((tag) -> lower.add(tag.toLowerCase(Locale.ROOT)));
        tags = Set.copyOf(lower);
    }

    /** An interest that counts implied tags. */
    public static Interest of(List<String> tags, String match, int minRelevance) {
        return of(tags, match, minRelevance, true);
    }

    public static Interest of(List<String> tags, String match, int minRelevance, boolean includeImplied) {
        return new Interest(new HashSet<>(tags), MatchMode.of(match), minRelevance, includeImplied);
    }

    /**
     * The announcement's tags that satisfy this interest, in the announcement's order
     * (strongest first); empty when the announcement does not match.
     */
    public Optional<List<String>> match(AnnouncementTagged announcement) {
        if (announcement.relevance() < this.minRelevance) {
            return Optional.empty();
        }
        List<String> matched = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (TagMatch tag : announcement.tags()) {
            if (tag.implied() && !this.includeImplied) {
                continue;
            }
            String lower = tag.tag().toLowerCase(Locale.ROOT);
            present.add(lower);
            if (this.tags.isEmpty() || this.tags.contains(lower)) {
                matched.add(tag.tag());
            }
        }
        if (this.tags.isEmpty()) {
            return Optional.of(matched);
        }
        boolean matches = (this.match == MatchMode.ALL) ? present.containsAll(this.tags) : !matched.isEmpty();
        return matches ? Optional.of(matched) : Optional.empty();
    }

}
