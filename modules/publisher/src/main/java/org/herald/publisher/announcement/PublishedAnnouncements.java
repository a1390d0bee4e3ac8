package org.herald.publisher.announcement;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The ledger of published announcement ids, in {@code publisher.published_announcement}.
 * <p>
 * An id is inserted and the record written in one database transaction: the insert takes
 * the id's place in the unique index, so a concurrent insert of the same id waits until
 * this transaction ends; if the write fails the transaction rolls back and the id is free
 * again. The row therefore exists exactly when the broker acknowledged the record (but
 * for a commit failing after the acknowledgement, when the record is written and the id
 * not remembered: a retry then writes it a second time).
 */
class PublishedAnnouncements {

    private static final String INSERT = """
            INSERT INTO publisher.published_announcement
                (id, canonical_url, source, external_id, received_at)
            VALUES (:id, :canonicalUrl, :source, :externalId, :receivedAt)
            ON CONFLICT (id) DO NOTHING
            """;

    private final JdbcClient jdbc;

    private final TransactionOperations transactions;

    PublishedAnnouncements(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Remembers {@code announcement}'s id and, holding it, runs {@code write}; forgets
     * the id again if {@code write} fails.
     * @return {@code true} if the id was new and {@code write} succeeded; {@code false}
     * if the id was remembered already and {@code write} was not run
     * @throws PublishingUnavailableException if {@code write} throws it or the database
     * is unreachable
     */
    boolean recordWhile(AnnouncementPublished announcement, Runnable write) {
        try {
            Boolean written = this.transactions.execute((status) -> {
                if (insert(announcement) == 0) {
                    return false;
                }
                write.run();
                return true;
            });
            return Boolean.TRUE.equals(written);
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException
                | CannotCreateTransactionException ex) {
            throw new PublishingUnavailableException("The database is unavailable", ex);
        }
        catch (TransactionException ex) {
            throw new PublishingUnavailableException("The database could not commit", ex);
        }
    }

    private int insert(AnnouncementPublished announcement) {
        return this.jdbc.sql(INSERT)
            .param("id", announcement.id())
            .param("canonicalUrl", AnnouncementIds.canonicalUrl(announcement.url()))
            .param("source", announcement.source())
            .param("externalId", announcement.externalId())
            .param("receivedAt", OffsetDateTime.ofInstant(announcement.receivedAt(), ZoneOffset.UTC))
            .update();
    }

}
