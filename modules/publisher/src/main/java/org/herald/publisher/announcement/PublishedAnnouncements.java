package org.herald.publisher.announcement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The ledger of published announcements, in {@code publisher.published_announcement}: one
 * row per id, with the latest revision written, the source and a hash of that revision's
 * content, and the time the source gave for it.
 * <p>
 * An id is inserted (or its row locked and its revision raised) and the record written in
 * one database transaction: the insert takes the id's place in the unique index, so a
 * concurrent insert of the same id waits until this transaction ends; if the write fails
 * the transaction rolls back and the id (or the revision) is free again. The row
 * therefore says exactly what the broker acknowledged (but for a commit failing after the
 * acknowledgement, when the record is written and not remembered: a retry then writes it
 * a second time).
 */
class PublishedAnnouncements {

    private static final String INSERT = """
            INSERT INTO publisher.published_announcement
                (id, canonical_url, source, external_id, received_at, revision, content_source, content_hash,
                 changed_at)
            VALUES (:id, :canonicalUrl, :source, :externalId, :receivedAt, 0, :source, :contentHash, :changedAt)
            ON CONFLICT (id) DO NOTHING
            """;

    private static final String LOCK = """
            SELECT revision, content_source, content_hash, changed_at
            FROM publisher.published_announcement WHERE id = :id FOR UPDATE
            """;

    private static final String REVISE = """
            UPDATE publisher.published_announcement
            SET revision = :revision, content_source = :source, content_hash = :contentHash,
                changed_at = CASE WHEN changed_at IS NULL OR changed_at < :changedAt THEN :changedAt
                                  ELSE changed_at END,
                revised_at = :receivedAt
            WHERE id = :id
            """;

    private static final String NOTE_CHANGED_AT = """
            UPDATE publisher.published_announcement SET changed_at = :changedAt
            WHERE id = :id AND (changed_at IS NULL OR changed_at < :changedAt)
            """;

    private final JdbcClient jdbc;

    private final TransactionOperations transactions;

    PublishedAnnouncements(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Publishes {@code first} as revision 0 if its id is new; otherwise asks
     * {@code reviser} what update, if any, to publish over the latest revision; each
     * through {@code write}, holding the row.
     * @param contentHash the hash of the content written, kept to compare later posts
     * @param changedAt the time the source gives for this content, if any
     * @throws PublishingUnavailableException if {@code write} throws it or the database
     * is unreachable
     */
    Written reviseWhile(AnnouncementPublished first, String contentHash, @Nullable Instant changedAt, Reviser reviser,
            Consumer<AnnouncementPublished> write) {
        try {
            Written written = this.transactions.execute((status) -> {
                if (insert(first, contentHash, changedAt) == 1) {
                    write.accept(first);
                    return new Written(first, false);
                }
                Latest latest = lock(first.id());
                AnnouncementPublished update = reviser.revise(latest);
                if (update == null) {
                    if (changedAt != null) {
                        noteChangedAt(first, changedAt);
                    }
                    return new Written(null, true, latest.revision());
                }
                revise(update, contentHash, changedAt);
                write.accept(update);
                return new Written(update, false);
            });
            return (written != null) ? written : new Written(null, true, 0);
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException
                | CannotCreateTransactionException ex) {
            throw new PublishingUnavailableException("The database is unavailable", ex);
        }
        catch (TransactionException ex) {
            throw new PublishingUnavailableException("The database could not commit", ex);
        }
    }

    private int insert(AnnouncementPublished announcement, String contentHash, @Nullable Instant changedAt) {
        return this.jdbc.sql(INSERT)
            .param("id", announcement.id())
            .param("canonicalUrl", AnnouncementIds.canonicalUrl(announcement.url()))
            .param("source", announcement.source())
            .param("externalId", announcement.externalId())
            .param("receivedAt", utc(announcement.receivedAt()))
            .param("contentHash", contentHash)
            .param("changedAt", (changedAt != null) ? utc(changedAt) : null)
            .update();
    }

    private Latest lock(UUID id) {
        return this.jdbc.sql(LOCK)
            .param("id", id)
            .query((rs, row) -> new Latest(rs.getInt("revision"), rs.getString("content_source"),
                    rs.getString("content_hash"), instant(rs.getObject("changed_at", OffsetDateTime.class))))
            .single();
    }

    private void revise(AnnouncementPublished update, String contentHash, @Nullable Instant changedAt) {
        this.jdbc.sql(REVISE)
            .param("id", update.id())
            .param("revision", update.revision())
            .param("source", update.source())
            .param("contentHash", contentHash)
            .param("changedAt", (changedAt != null) ? utc(changedAt) : null)
            .param("receivedAt", utc(update.receivedAt()))
            .update();
    }

    private void noteChangedAt(AnnouncementPublished announcement, Instant changedAt) {
        this.jdbc.sql(NOTE_CHANGED_AT).param("id", announcement.id()).param("changedAt", utc(changedAt)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return (time != null) ? time.toInstant() : null;
    }

    /**
     * The latest revision published of an announcement.
     *
     * @param revision its number
     * @param contentSource the source whose content it carried (null: before revisions)
     * @param contentHash the hash of that content (null: before revisions)
     * @param changedAt the time its source gave for it, if any
     */
    record Latest(int revision, @Nullable String contentSource, @Nullable String contentHash,
            @Nullable Instant changedAt) {
    }

    /** Decides the update to publish over the latest revision, or null for none. */
    @FunctionalInterface
    interface Reviser {

        @Nullable AnnouncementPublished revise(Latest latest);

    }

    /**
     * What was written.
     *
     * @param event the event written, or null if none
     * @param duplicate whether nothing was written
     * @param revision the revision written, or the latest one if nothing was
     */
    record Written(@Nullable AnnouncementPublished event, boolean duplicate, int revision) {

        Written(AnnouncementPublished event, boolean duplicate) {
            this(event, duplicate, event.revision());
        }

    }

}
