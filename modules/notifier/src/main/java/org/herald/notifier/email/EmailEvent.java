package org.herald.notifier.email;

import org.herald.notifier.delivery.EventKind;
import org.jspecify.annotations.Nullable;

/**
 * Which event about an announcement an email tells of, and the commentary it shows.
 *
 * @param kind published, updated or commented
 * @param revision the announcement's revision, or the commentary's number
 * @param commentary the association's commentary (markdown), or null
 */
record EmailEvent(EventKind kind, int revision, @Nullable String commentary) {

    /** The announcement as first published, without commentary. */
    static final EmailEvent PUBLISHED = new EmailEvent(EventKind.PUBLISHED, 0, null);

}
