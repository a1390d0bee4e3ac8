package org.herald.publisher.feed;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sources in {@code publisher.source}, with their polling state.
 * <p>
 * A poller claims the sources that are due by moving their next poll forward by their
 * interval in one statement ({@code FOR UPDATE SKIP LOCKED}), so that several publisher
 * instances never poll one source at once; the poll's outcome then sets the next poll
 * exactly.
 */
class Sources {

    private static final String COLUMNS = """
            id, name, kind, url, poll_interval_ms, enabled, created_at, last_poll_at, last_success_at, last_error,
            last_error_at, consecutive_failures, entries_seen, last_entry_at, next_poll_at, possible_gap,
            possible_gap_at, etag, last_modified
            """;

    private final JdbcClient jdbc;

    Sources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a source, due now; empty if one of that name exists. */
    Optional<Source> create(String name, SourceKind kind, URI url, Duration interval, boolean enabled, Instant now) {
        UUID id = UUID.randomUUID();
        int added = this.jdbc.sql("""
                INSERT INTO publisher.source (id, name, kind, url, poll_interval_ms, enabled, created_at, updated_at,
                    next_poll_at)
                VALUES (:id, :name, :kind, :url, :interval, :enabled, :now, :now, :now)
                ON CONFLICT (name) DO NOTHING
                """)
            .param("id", id)
            .param("name", name)
            .param("kind", kind.value())
            .param("url", url.toString())
            .param("interval", interval.toMillis())
            .param("enabled", enabled)
            .param("now", utc(now))
            .update();
        return (added == 1) ? find(id) : Optional.empty();
    }

    /**
     * Changes a source; a new URL or kind forgets the validators of the last document
     * (the entries seen are kept). Empty if there is no such source; throws
     * {@code DuplicateKeyException} if the name is taken.
     */
    Optional<Source> update(UUID id, String name, SourceKind kind, URI url, Duration interval, boolean enabled,
            Instant now) {
        this.jdbc.sql("""
                UPDATE publisher.source
                SET etag = CASE WHEN url = :url AND kind = :kind THEN etag END,
                    last_modified = CASE WHEN url = :url AND kind = :kind THEN last_modified END,
                    name = :name, kind = :kind, url = :url, poll_interval_ms = :interval, enabled = :enabled,
                    updated_at = :now,
                    next_poll_at = CASE WHEN next_poll_at > :now + make_interval(secs => :interval / 1000.0)
                                        THEN :now ELSE next_poll_at END
                WHERE id = :id
                """)
            .param("id", id)
            .param("name", name)
            .param("kind", kind.value())
            .param("url", url.toString())
            .param("interval", interval.toMillis())
            .param("enabled", enabled)
            .param("now", utc(now))
            .update();
        return find(id);
    }

    boolean delete(UUID id) {
        return this.jdbc.sql("DELETE FROM publisher.source WHERE id = :id").param("id", id).update() == 1;
    }

    Optional<Source> find(UUID id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM publisher.source WHERE id = :id")
            .param("id", id)
            .query(Sources::source)
            .optional();
    }

    List<Source> list() {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM publisher.source ORDER BY name")
            .query(Sources::source)
            .list();
    }

    /**
     * Claims up to {@code limit} enabled sources due at {@code now}: their next poll
     * moves an interval on, so no other poller takes them meanwhile.
     */
    List<Source> claimDue(Instant now, int limit) {
        return this.jdbc.sql("""
                UPDATE publisher.source s
                SET next_poll_at = :now + make_interval(secs => s.poll_interval_ms / 1000.0)
                WHERE s.id IN (SELECT id FROM publisher.source WHERE enabled AND next_poll_at <= :now
                               ORDER BY next_poll_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING
                """ + COLUMNS).param("now", utc(now)).param("limit", limit).query(Sources::source).list();
    }

    /**
     * Records a successful poll: the validators of the document read (null after a 304:
     * kept), the entries newly seen, the newest entry time, a possible gap found.
     */
    void succeeded(UUID id, Instant now, Instant nextPollAt, boolean notModified, @Nullable String etag,
            @Nullable String lastModified, int newEntries, @Nullable Instant lastEntryAt,
            @Nullable String possibleGap) {
        this.jdbc.sql("""
                UPDATE publisher.source
                SET last_poll_at = :now, last_success_at = :now, consecutive_failures = 0, next_poll_at = :next,
                    etag = CASE WHEN :notModified THEN etag ELSE CAST(:etag AS text) END,
                    last_modified = CASE WHEN :notModified THEN last_modified ELSE CAST(:lastModified AS text) END,
                    entries_seen = entries_seen + :newEntries,
                    last_entry_at = GREATEST(last_entry_at, CAST(:lastEntryAt AS timestamptz)),
                    possible_gap = COALESCE(CAST(:gap AS text), possible_gap),
                    possible_gap_at = CASE WHEN CAST(:gap AS text) IS NULL THEN possible_gap_at ELSE :now END
                WHERE id = :id
                """)
            .param("id", id)
            .param("now", utc(now))
            .param("next", utc(nextPollAt))
            .param("notModified", notModified)
            .param("etag", etag)
            .param("lastModified", lastModified)
            .param("newEntries", newEntries)
            .param("lastEntryAt", (lastEntryAt != null) ? utc(lastEntryAt) : null)
            .param("gap", possibleGap)
            .update();
    }

    /**
     * Records a failed poll; entries it saw before failing are counted (they are
     * remembered).
     */
    void failed(UUID id, Instant now, Instant nextPollAt, String error, int newEntries) {
        this.jdbc.sql("""
                UPDATE publisher.source
                SET last_poll_at = :now, last_error = :error, last_error_at = :now,
                    consecutive_failures = consecutive_failures + 1, next_poll_at = :next,
                    entries_seen = entries_seen + :newEntries
                WHERE id = :id
                """)
            .param("id", id)
            .param("now", utc(now))
            .param("next", utc(nextPollAt))
            .param("error", error)
            .param("newEntries", newEntries)
            .update();
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        Source.Status status = new Source.Status(instant(rs, "last_poll_at"), instant(rs, "last_success_at"),
                rs.getString("last_error"), instant(rs, "last_error_at"), rs.getInt("consecutive_failures"),
                rs.getLong("entries_seen"), instant(rs, "last_entry_at"), instantOf(rs, "next_poll_at"),
                rs.getString("possible_gap"), instant(rs, "possible_gap_at"));
        return new Source(rs.getObject("id", UUID.class), rs.getString("name"),
                SourceKind.of(rs.getString("kind")).orElse(SourceKind.FEED), URI.create(rs.getString("url")),
                Duration.ofMillis(rs.getLong("poll_interval_ms")), rs.getBoolean("enabled"),
                instantOf(rs, "created_at"), status, rs.getString("etag"), rs.getString("last_modified"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return (time != null) ? time.toInstant() : null;
    }

    private static Instant instantOf(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
