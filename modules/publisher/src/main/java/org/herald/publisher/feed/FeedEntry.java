package org.herald.publisher.feed;

import java.time.Instant;

import org.herald.publisher.announcement.AnnouncementSubmission;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a feed document.
 *
 * @param submission what it announces (possibly incomplete, for validation to refuse)
 * @param key the source's own key for this version of the entry: it changes when the
 * source says the page changed (GOV.UK's Atom entry id carries the page's update time;
 * the Search API's public timestamp moves on a major change)
 * @param changedAt the time the source gives for this version, if any
 * @param changeNote what changed, where the source says
 */
record FeedEntry(AnnouncementSubmission submission, String key, @Nullable Instant changedAt,
        @Nullable String changeNote) {
}
