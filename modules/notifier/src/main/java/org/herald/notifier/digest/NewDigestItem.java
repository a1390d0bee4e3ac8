package org.herald.notifier.digest;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.member.Frequency;

/**
 * An announcement that matched a member whose most frequent matching subscription is
 * daily or weekly: it waits for their next digest of that frequency.
 *
 * @param memberId the member
 * @param announcementId the announcement
 * @param frequency daily or weekly
 * @param matchedTags the announcement's tags that matched, for "why you got this"
 * @param eventKind which event about the announcement it is
 * @param eventRevision the event's revision (the announcement's, or the commentary's
 * sequence number)
 */
public record NewDigestItem(UUID memberId, UUID announcementId, Frequency frequency, List<String> matchedTags,
        EventKind eventKind, int eventRevision) {

    public NewDigestItem {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(announcementId, "announcementId");
        if (frequency == null || frequency == Frequency.IMMEDIATE) {
            throw new IllegalArgumentException("a digest item is daily or weekly, not " + frequency);
        }
        Objects.requireNonNull(eventKind, "eventKind");
        matchedTags = List.copyOf(matchedTags);
    }

    /** An item of the announcement as first published. */
    public NewDigestItem(UUID memberId, UUID announcementId, Frequency frequency, List<String> matchedTags) {
        this(memberId, announcementId, frequency, matchedTags, EventKind.PUBLISHED, 0);
    }

}
