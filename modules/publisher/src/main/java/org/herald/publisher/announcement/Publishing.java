package org.herald.publisher.announcement;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementPublished;

/**
 * Publishes a submitted announcement once: a new one is written to the announcements
 * topic and its id remembered, both or neither; one whose id was published before is
 * reported as a duplicate and written nowhere.
 */
public class Publishing {

    private static final Log logger = LogFactory.getLog(Publishing.class);

    private final PublishedAnnouncements ledger;

    private final AnnouncementSender sender;

    private final PublishingMetrics metrics;

    private final Clock clock;

    Publishing(PublishedAnnouncements ledger, AnnouncementSender sender, PublishingMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Publishes {@code submission} unless its id was published before; returns once the
     * broker has acknowledged the record.
     * @param submission a valid submission (see the constraints on
     * {@link AnnouncementSubmission})
     * @throws PublishingUnavailableException if it could not be published now; nothing
     * was kept
     */
    public Publication publish(AnnouncementSubmission submission) {
        AnnouncementPublished announcement = submission.toEvent(this.clock.instant());
        boolean written;
        try {
            written = this.ledger.recordWhile(announcement, () -> this.sender.send(announcement));
        }
        catch (PublishingUnavailableException ex) {
            this.metrics.failed();
            logger.warn("Could not publish announcement " + announcement.id() + ": " + ex.getMessage());
            throw ex;
        }
        if (written) {
            this.metrics.published();
            logger.info("Published announcement " + announcement.id() + " from " + announcement.source());
        }
        else {
            this.metrics.duplicate();
            logger.debug("Announcement " + announcement.id() + " was published before");
        }
        return new Publication(announcement.id(), !written);
    }

}
