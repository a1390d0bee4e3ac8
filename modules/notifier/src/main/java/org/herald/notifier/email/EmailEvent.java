package org.herald.notifier.email;

import java.util.List;

import org.herald.notifier.delivery.EventKind;
import org.jspecify.annotations.Nullable;

/**
 * Which event about an announcement an email tells of, and what else it shows.
 *
 * @param kind published, updated or commented
 * @param revision the announcement's revision, or the commentary's number
 * @param commentary the association's commentary (markdown), or null
 * @param followsUp the earlier announcements it follows up, as far as the notifier knows
 * them
 * @param followLink the signed link that lets the member follow its story; empty for none
 */
record EmailEvent(EventKind kind, int revision, @Nullable String commentary, List<FollowedUp> followsUp,
        String followLink) {

    EmailEvent {
        followsUp = List.copyOf(followsUp);
    }

    EmailEvent(EventKind kind, int revision, @Nullable String commentary) {
        this(kind, revision, commentary, List.of(), "");
    }

    /** The same event with the member's link to follow the story. */
    EmailEvent withFollowLink(String link) {
        return new EmailEvent(this.kind, this.revision, this.commentary, this.followsUp, link);
    }

    /**
     * An announcement this one follows up.
     *
     * @param title its title
     * @param link its URL if it may be linked, else empty
     */
    record FollowedUp(String title, String link) {
    }

}
