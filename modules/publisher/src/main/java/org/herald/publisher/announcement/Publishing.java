package org.herald.publisher.announcement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementPublished;
import org.herald.events.UpdateType;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a submitted announcement once: a new one is written to the announcements
 * topic and its id remembered, both or neither; one whose id was published before is
 * reported as a duplicate and written nowhere, unless it is an update of it, which is
 * written as the next revision.
 * <p>
 * What is an update depends on who says so: a post is one when its content differs from
 * the latest revision's and that revision came from the same source (texts of different
 * sources differ for the same page, so they are never compared); a feed source says so
 * itself ({@link #publishUpdate}), from its own entry ids and times, and an update the
 * ledger holds already (the same source time, seen first through another source) is a
 * duplicate.
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
     * Publishes a posted {@code submission} unless its id was published before with the
     * same content, or by another source; returns once the broker has acknowledged the
     * record. Other content from the same source is an update of the type the submission
     * states (minor by default).
     * @param submission a valid submission (see the constraints on
     * {@link AnnouncementSubmission})
     * @throws PublishingUnavailableException if it could not be published now; nothing
     * was kept
     */
    public Publication publish(AnnouncementSubmission submission) {
        String hash = contentHash(submission);
        String source = submission.source().strip();
        return write(submission, hash, null, (latest, receivedAt) -> {
            if (latest.contentHash() == null || !source.equals(latest.contentSource())
                    || hash.equals(latest.contentHash())) {
                return null;
            }
            return submission.toEvent(receivedAt, latest.revision() + 1, submission.statedUpdateType(),
                    submission.changeNote());
        });
    }

    /**
     * Publishes a feed entry seen for the first time by its source: new, or a duplicate
     * of what another source published.
     * @param changedAt the time the source gives for this version of the page, if any
     * @throws PublishingUnavailableException if it could not be published now
     */
    public Publication publishEntry(AnnouncementSubmission submission, @Nullable Instant changedAt) {
        return write(submission, contentHash(submission), changedAt, (latest, receivedAt) -> null);
    }

    /**
     * Publishes an update a feed source found (an entry of a page it listed before, under
     * a new id or time): the next revision, unless the ledger holds a revision of that
     * time or later already; as revision 0 if the page was never published.
     * @param changedAt the time the source gives for this version of the page, if any
     * @throws PublishingUnavailableException if it could not be published now
     */
    public Publication publishUpdate(AnnouncementSubmission submission, UpdateType type, @Nullable String changeNote,
            @Nullable Instant changedAt) {
        return write(submission, contentHash(submission), changedAt, (latest, receivedAt) -> {
            if (changedAt != null && latest.changedAt() != null && !changedAt.isAfter(latest.changedAt())) {
                return null;
            }
            return submission.toEvent(receivedAt, latest.revision() + 1, type, changeNote);
        });
    }

    private Publication write(AnnouncementSubmission submission, String hash, @Nullable Instant changedAt,
            Update update) {
        Instant receivedAt = this.clock.instant();
        AnnouncementPublished first = submission.toEvent(receivedAt);
        PublishedAnnouncements.Written written;
        try {
            written = this.ledger.reviseWhile(first, hash, changedAt, (latest) -> update.of(latest, receivedAt),
                    this.sender::send);
        }
        catch (PublishingUnavailableException ex) {
            this.metrics.failed();
            logger.warn("Could not publish announcement " + first.id() + ": " + ex.getMessage());
            throw ex;
        }
        if (written.duplicate()) {
            this.metrics.duplicate();
            logger.debug("Announcement " + first.id() + " was published before");
        }
        else if (written.revision() > 0) {
            this.metrics.updated();
            logger.info("Published revision " + written.revision() + " of announcement " + first.id() + " from "
                    + first.source());
        }
        else {
            this.metrics.published();
            logger.info("Published announcement " + first.id() + " from " + first.source());
        }
        return new Publication(first.id(), written.duplicate(), written.revision());
    }

    /** A hash of what a reader sees of the submission, to tell a changed post. */
    static String contentHash(AnnouncementSubmission submission) {
        StringBuilder content = new StringBuilder();
        for (Object field : new Object[] { submission.title(), submission.summary(), submission.body(),
                submission.publishedAt(), submission.organisation(), submission.documentType() }) {
            content.append(Objects.toString(field, "").strip()).append('\u0000');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing", ex);
        }
    }

    @FunctionalInterface
    private interface Update {

        @Nullable AnnouncementPublished of(PublishedAnnouncements.Latest latest, Instant receivedAt);

    }

}
