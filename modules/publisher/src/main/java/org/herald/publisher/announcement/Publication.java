package org.herald.publisher.announcement;

import java.util.UUID;

/**
 * What became of a submitted announcement.
 *
 * @param id its id
 * @param duplicate {@code true} when nothing was written this time: it had been published
 * before, and this was no update of it
 * @param revision the revision written (0: first published, 1 and up: an update), or, for
 * a duplicate, the latest revision published before
 */
public record Publication(UUID id, boolean duplicate, int revision) {

    /** Whether an update was written this time. */
    public boolean updated() {
        return !this.duplicate && this.revision > 0;
    }

}
