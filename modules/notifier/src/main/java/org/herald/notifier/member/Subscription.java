package org.herald.notifier.member;

import java.util.List;
import java.util.UUID;

import org.herald.notifier.interest.Interest;

/**
 * What a member wants to hear about.
 *
 * @param id the subscription's id
 * @param tags the tags, in lower case
 * @param match {@code any} (one of the tags is enough) or {@code all} (every one must be
 * there)
 * @param minRelevance the least overall relevance (0–3) of an announcement
 * @param frequency how often the matches are sent
 * @param includeImplied whether a tag the announcement has only by implication (another
 * of its tags implies it) counts
 */
public record Subscription(UUID id, List<String> tags, String match, int minRelevance, Frequency frequency,
        boolean includeImplied) {

    public Subscription {
        tags = List.copyOf(tags);
    }

    /** What this subscription wants, to match announcements against. */
    public Interest interest() {
        return Interest.of(this.tags, this.match, this.minRelevance, this.includeImplied);
    }

    /** A subscription that counts implied tags. */
    public Subscription(UUID id, List<String> tags, String match, int minRelevance, Frequency frequency) {
        this(id, tags, match, minRelevance, frequency, true);
    }

}
