package org.herald.notifier.member;

import java.util.List;
import java.util.UUID;

/**
 * What a member wants to hear about.
 *
 * @param id the subscription's id
 * @param tags the tags, in lower case
 * @param match {@code any} (one of the tags is enough) or {@code all} (every one must be
 * there)
 * @param minRelevance the least overall relevance (0–3) of an announcement
 * @param frequency how often the matches are sent
 */
public record Subscription(UUID id, List<String> tags, String match, int minRelevance, Frequency frequency) {

    public Subscription {
        tags = List.copyOf(tags);
    }

}
