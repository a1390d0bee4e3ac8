package org.herald.notifier.email;

import java.util.List;

import org.herald.events.AnnouncementTagged;

/**
 * One announcement in a digest, with the member's tags it matched.
 *
 * @param announcement the announcement
 * @param matchedTags the announcement's tags that matched the member's subscriptions
 */
public record DigestEntry(AnnouncementTagged announcement, List<String> matchedTags) {

    public DigestEntry {
        matchedTags = List.copyOf(matchedTags);
    }

}
