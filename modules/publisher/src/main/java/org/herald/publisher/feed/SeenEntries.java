package org.herald.publisher.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entries each source has listed, in {@code publisher.source_entry}, by the source's
 * own key: what was seen is never announced again, after a restart too.
 */
class SeenEntries {

    private final JdbcClient jdbc;

    SeenEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code keys} that {@code source} has seen. */
    Set<String> seen(UUID source, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(this.jdbc
            .sql("SELECT entry_key FROM publisher.source_entry WHERE source_id = :source AND entry_key IN (:keys)")
            .param("source", source)
            .param("keys", List.copyOf(keys))
            .query(String.class)
            .list());
    }

    /** Whether {@code source} has listed an entry of {@code announcement} before. */
    boolean listed(UUID source, UUID announcement) {
        return this.jdbc
            .sql("SELECT EXISTS (SELECT 1 FROM publisher.source_entry WHERE source_id = :source"
                    + " AND announcement_id = :announcement)")
            .param("source", source)
            .param("announcement", announcement)
            .query(Boolean.class)
            .single();
    }

    /**
     * Remembers that {@code source} saw {@code key} of {@code announcement}, and what
     * came of it ({@code published}, {@code updated}, {@code duplicate}, {@code old}).
     * @return whether it was new
     */
    boolean remember(UUID source, String key, UUID announcement, @Nullable Instant entryAt, String outcome,
            Instant now) {
        return this.jdbc.sql("""
                INSERT INTO publisher.source_entry (source_id, entry_key, announcement_id, entry_at, outcome, seen_at)
                VALUES (:source, :key, :announcement, :entryAt, :outcome, :now)
                ON CONFLICT (source_id, entry_key) DO NOTHING
                """)
            .param("source", source)
            .param("key", key)
            .param("announcement", announcement)
            .param("entryAt", (entryAt != null) ? Sources.utc(entryAt) : null)
            .param("outcome", outcome)
            .param("now", Sources.utc(now))
            .update() == 1;
    }

}
