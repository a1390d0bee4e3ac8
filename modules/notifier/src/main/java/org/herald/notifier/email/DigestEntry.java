package org.herald.notifier.email;

import java.util.List;

import org.herald.events.AnnouncementTagged;
import org.jspecify.annotations.Nullable;

/**
 * One announcement in a digest, with the member's tags it matched.
 *
 * @param announcement the announcement
 * @param matchedTags the announcement's tags that matched the member's subscriptions
 * @param updated whether the digest tells of a (major) update of it
 * @param commentary the association's commentary on it (markdown), or null
 */
public record DigestEntry(AnnouncementTagged announcement, List<String> matchedTags, boolean updated,
        @Nullable String commentary) {

    public DigestEntry {
        matchedTags = List.copyOf(matchedTags);
    }

    /** An announcement as first published, with the commentary that came with it. */
    public DigestEntry(AnnouncementTagged announcement, List<String> matchedTags) {
        this(announcement, matchedTags, false, announcement.commentary());
    }

}
