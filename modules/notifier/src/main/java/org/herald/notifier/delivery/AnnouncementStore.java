package org.herald.notifier.delivery;

import java.util.Optional;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tagged announcements the notifier has taken in, kept as their JSON so every
 * delivery of one announcement renders the same content, whenever it is sent.
 */
public class AnnouncementStore {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    public AnnouncementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores {@code announcement}; a later version of the same announcement (re-tagged)
     * replaces it.
     */
    public void save(AnnouncementTagged announcement) {
        this.jdbc
            .sql("""
                    INSERT INTO notifier.announcement (id, payload, relevance) VALUES (:id, CAST(:payload AS jsonb), :relevance)
                    ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, relevance = excluded.relevance
                    """)
            .param("id", announcement.id())
            .param("payload", this.json.writeValueAsString(announcement))
            .param("relevance", announcement.relevance())
            .update();
    }

    public Optional<AnnouncementTagged> find(UUID id) {
        return this.jdbc.sql("SELECT payload FROM notifier.announcement WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .optional()
            .map((payload) -> this.json.readValue(payload, AnnouncementTagged.class));
    }

}
