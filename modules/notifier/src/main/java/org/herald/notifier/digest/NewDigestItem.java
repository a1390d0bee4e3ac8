package org.herald.notifier.digest;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.herald.notifier.member.Frequency;

/**
 * An announcement that matched a member whose most frequent matching subscription is
 * daily or weekly: it waits for their next digest of that frequency.
 *
 * @param memberId the member
 * @param announcementId the announcement
 * @param frequency daily or weekly
 * @param matchedTags the announcement's tags that matched, for "why you got this"
 */
public record NewDigestItem(UUID memberId, UUID announcementId, Frequency frequency, List<String> matchedTags) {

    public NewDigestItem {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(announcementId, "announcementId");
        if (frequency == null || frequency == Frequency.IMMEDIATE) {
            throw new IllegalArgumentException("a digest item is daily or weekly, not " + frequency);
        }
        matchedTags = List.copyOf(matchedTags);
    }

}
