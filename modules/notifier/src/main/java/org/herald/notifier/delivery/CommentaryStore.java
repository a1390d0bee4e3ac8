package org.herald.notifier.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.events.AnnouncementTagged;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The association's commentary on announcements ({@code notifier.commentary}): every
 * version, numbered per announcement. The commentary an email or webhook shows is the
 * version its event carries, else the latest, else the one that came with the
 * announcement.
 */
public class CommentaryStore {

    private final JdbcClient jdbc;

    private final AtomicLong changes = new AtomicLong();

    public CommentaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a version of the commentary on an announcement the notifier has taken in,
     * numbered one after the last; the announcement's row is locked meanwhile, so two
     * edits at once get two numbers.
     * @return the new version; empty if the announcement is unknown
     */
    public Optional<Commentary> add(UUID announcementId, String text) {
        this.changes.incrementAndGet();
        boolean known = this.jdbc.sql("SELECT id FROM notifier.announcement WHERE id = :id FOR UPDATE")
            .param("id", announcementId)
            .query(UUID.class)
            .optional()
            .isPresent();
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(this.jdbc.sql("""
                INSERT INTO notifier.commentary (announcement_id, seq, text)
                SELECT :id, COALESCE(MAX(seq), 0) + 1, :text FROM notifier.commentary WHERE announcement_id = :id
                RETURNING announcement_id, seq, text, created_at
                """).param("id", announcementId).param("text", text).query(CommentaryStore::row).single());
    }

    public Optional<Commentary> find(UUID announcementId, int seq) {
        return this.jdbc.sql("""
                SELECT announcement_id, seq, text, created_at FROM notifier.commentary
                WHERE announcement_id = :id AND seq = :seq
                """).param("id", announcementId).param("seq", seq).query(CommentaryStore::row).optional();
    }

    public Optional<Commentary> latest(UUID announcementId) {
        return this.jdbc.sql("""
                SELECT announcement_id, seq, text, created_at FROM notifier.commentary
                WHERE announcement_id = :id ORDER BY seq DESC LIMIT 1
                """).param("id", announcementId).query(CommentaryStore::row).optional();
    }

    /**
     * The commentary text a delivery shows: for a {@code commented} event its own
     * version; otherwise the latest version, or the commentary that came with the
     * announcement; null if there is none.
     */
    public @Nullable String forDelivery(Delivery delivery, AnnouncementTagged announcement) {
        if (delivery.eventKind() == EventKind.COMMENTED) {
            return find(delivery.announcementId(), delivery.eventRevision()).map(Commentary::text).orElse(null);
        }
        return current(announcement);
    }

    /**
     * The commentary a webhook carries: for a {@code commented} event its own version;
     * otherwise the latest version, or the commentary that came with the announcement
     * (numbered 0).
     */
    public Optional<Commentary> forWebhook(Delivery delivery, AnnouncementTagged announcement) {
        if (delivery.eventKind() == EventKind.COMMENTED) {
            return find(delivery.announcementId(), delivery.eventRevision());
        }
        Optional<Commentary> latest = latest(announcement.id());
        if (latest.isPresent() || announcement.commentary() == null) {
            return latest;
        }
        return Optional.of(new Commentary(announcement.id(), 0, announcement.commentary(), announcement.receivedAt()));
    }

    /** The latest version, or the commentary that came with the announcement, or null. */
    public @Nullable String current(AnnouncementTagged announcement) {
        return latest(announcement.id()).map(Commentary::text).orElse(announcement.commentary());
    }

    private static Commentary row(ResultSet row, int rowNum) throws SQLException {
        return new Commentary(row.getObject("announcement_id", UUID.class), row.getInt("seq"), row.getString("text"),
                DeliveryRows.instant(row, "created_at"));
    }

    /**
     * How many changes this instance has made: a reader that keeps what it read for a
     * moment reads again once this moves.
     */
    public long changes() {
        return this.changes.get();
    }

}
