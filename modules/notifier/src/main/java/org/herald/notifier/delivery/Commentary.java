package org.herald.notifier.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The association's commentary on an announcement, "what this means for members": one
 * version of it, numbered per announcement.
 *
 * @param announcementId the announcement
 * @param seq 1, 2, ...: each edit is a new version, and the event {@code commented} of
 * that number
 * @param text the commentary, markdown
 * @param createdAt when it was written
 */
public record Commentary(UUID announcementId, int seq, String text, Instant createdAt) {

    @Override
    public String toString() {
        return "Commentary[announcementId=" + this.announcementId + ", seq=" + this.seq + "]";
    }

}
