package org.herald.notifier.delivery;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.events.AnnouncementTagged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tagged announcements the notifier has taken in, kept as their JSON: each revision
 * as received ({@code notifier.announcement_revision}), so every delivery of one revision
 * renders the same content whenever it is sent, and the latest revision
 * ({@code notifier.announcement}), which digests and commentary render.
 */
public class AnnouncementStore {

    private final JdbcClient jdbc;

    private final AtomicLong changes = new AtomicLong();

    private final JsonMapper json;

    public AnnouncementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores {@code announcement}: the same revision again (re-tagged) replaces it; it
     * becomes the latest unless a later revision was taken in before it.
     */
    public void save(AnnouncementTagged announcement) {
        this.changes.incrementAndGet();
        String payload = this.json.writeValueAsString(announcement);
        this.jdbc.sql("""
                INSERT INTO notifier.announcement (id, payload, relevance, revision)
                VALUES (:id, CAST(:payload AS jsonb), :relevance, :revision)
                ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, relevance = excluded.relevance,
                    revision = excluded.revision
                WHERE notifier.announcement.revision <= excluded.revision
                """)
            .param("id", announcement.id())
            .param("payload", payload)
            .param("relevance", announcement.relevance())
            .param("revision", announcement.revision())
            .update();
        this.jdbc.sql("""
                INSERT INTO notifier.announcement_revision (announcement_id, revision, payload)
                VALUES (:id, :revision, CAST(:payload AS jsonb))
                ON CONFLICT (announcement_id, revision) DO UPDATE SET payload = excluded.payload
                """)
            .param("id", announcement.id())
            .param("revision", announcement.revision())
            .param("payload", payload)
            .update();
    }

    /** The latest revision taken in. */
    public Optional<AnnouncementTagged> find(UUID id) {
        return this.jdbc.sql("SELECT payload FROM notifier.announcement WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .optional()
            .map(this::read);
    }

    /**
     * The announcement at {@code revision}, as it was received; the latest if that
     * revision was never kept (taken in before revisions were kept).
     */
    public Optional<AnnouncementTagged> find(UUID id, int revision) {
        Optional<AnnouncementTagged> kept = this.jdbc.sql(
                "SELECT payload FROM notifier.announcement_revision WHERE announcement_id = :id AND revision = :revision")
            .param("id", id)
            .param("revision", revision)
            .query(String.class)
            .optional()
            .map(this::read);
        return kept.isPresent() ? kept : find(id);
    }

    /**
     * The revision a delivery carries: its own for a published or updated event, the
     * latest for a commentary.
     */
    public Optional<AnnouncementTagged> find(Delivery delivery) {
        return (delivery.eventKind() == EventKind.COMMENTED) ? find(delivery.announcementId())
                : find(delivery.announcementId(), delivery.eventRevision());
    }

    private AnnouncementTagged read(String payload) {
        return this.json.readValue(payload, AnnouncementTagged.class);
    }

    /**
     * How many changes this instance has made: a reader that keeps what it read for a
     * moment reads again once this moves.
     */
    public long changes() {
        return this.changes.get();
    }

}
