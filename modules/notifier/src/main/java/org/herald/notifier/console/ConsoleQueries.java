package org.herald.notifier.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the console's pages show, read straight from the notifier's tables.
 */
class ConsoleQueries {

    static final List<String> STATUSES = List.of("pending", "sending", "sent", "failed", "suppressed");

    static final List<String> CHANNELS = List.of("email", "webhook");

    private final JdbcClient jdbc;

    private final JsonMapper json;

    ConsoleQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Announcements newest first, those whose title contains {@code search} when given.
     */
    List<AnnouncementTagged> announcements(@Nullable String search, int limit) {
        String pattern = (search == null || search.isBlank()) ? null : "%" + escapeLike(search.strip()) + "%";
        return this.jdbc.sql("""
                SELECT payload FROM notifier.announcement
                WHERE CAST(:pattern AS text) IS NULL OR payload ->> 'title' ILIKE CAST(:pattern AS text)
                ORDER BY received_at DESC, id LIMIT :limit
                """)
            .param("pattern", pattern)
            .param("limit", limit)
            .query(String.class)
            .list()
            .stream()
            .map((payload) -> this.json.readValue(payload, AnnouncementTagged.class))
            .toList();
    }

    /**
     * For each announcement: channel → status → count, every channel and status present.
     */
    Map<UUID, Map<String, Map<String, Long>>> deliveryCounts(List<UUID> ids) {
        Map<UUID, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();
        ids.forEach((id) -> counts.put(id, emptyCounts()));
        this.jdbc.sql("""
                SELECT announcement_id, channel, status, count(*) AS n FROM notifier.delivery
                WHERE announcement_id = ANY (CAST(:ids AS uuid[])) GROUP BY announcement_id, channel, status
                """).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query((rs, row) -> {
            counts.get(rs.getObject("announcement_id", UUID.class))
                .get(rs.getString("channel"))
                .merge(rs.getString("status"), rs.getLong("n"), Long::sum);
            return null;
        }).list();
        this.jdbc.sql("""
                SELECT announcement_id, digest_id IS NULL AS waiting, count(*) AS n FROM notifier.digest_item
                WHERE announcement_id = ANY (CAST(:ids AS uuid[])) GROUP BY announcement_id, digest_id IS NULL
                """).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query((rs, row) -> {
            counts.get(rs.getObject("announcement_id", UUID.class))
                .get("digest")
                .merge(rs.getBoolean("waiting") ? "pending" : "sent", rs.getLong("n"), Long::sum);
            return null;
        }).list();
        return counts;
    }

    private static Map<String, Map<String, Long>> emptyCounts() {
        Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
        for (String channel : List.of("email", "webhook", "digest")) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            STATUSES.forEach((status) -> byStatus.put(status, 0L));
            byChannel.put(channel, byStatus);
        }
        return byChannel;
    }

    /**
     * The deliveries of one announcement, for its page (recipients shown, never put in a
     * URL).
     */
    List<DeliveryLine> deliveries(UUID announcementId, int limit) {
        return this.jdbc.sql("""
                SELECT id, channel, recipient, status, attempts, last_error, sent_at FROM notifier.delivery
                WHERE announcement_id = :id ORDER BY channel, created_at, id LIMIT :limit
                """).param("id", announcementId).param("limit", limit).query((rs, row) -> {
            Timestamp sent = rs.getTimestamp("sent_at");
            return new DeliveryLine(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("recipient"),
                    rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                    (sent != null) ? sent.toInstant() : null);
        }).list();
    }

    /**
     * Per channel: sent in the last hour, pending (or sending), failed and suppressed in
     * the last day.
     */
    List<ChannelHealth> channelHealth() {
        List<ChannelHealth> health = new ArrayList<>();
        for (String channel : CHANNELS) {
            health.add(this.jdbc.sql("""
                    SELECT count(*) FILTER (WHERE status = 'sent' AND sent_at > now() - interval '1 hour') AS sent,
                           count(*) FILTER (WHERE status IN ('pending', 'sending')) AS pending,
                           count(*) FILTER (WHERE status = 'failed' AND created_at > now() - interval '1 day') AS failed
                    FROM notifier.delivery WHERE channel = :channel
                    """)
                .param("channel", channel)
                .query((rs, row) -> new ChannelHealth(channel, rs.getLong("sent"), rs.getLong("pending"),
                        rs.getLong("failed")))
                .single());
        }
        return health;
    }

    /** Partners whose endpoint is disabled or failing. */
    List<FailingEndpoint> failingEndpoints() {
        return this.jdbc.sql("""
                SELECT name, url, enabled, disabled_reason, failing_since FROM notifier.partner
                WHERE NOT enabled OR failing_since IS NOT NULL ORDER BY name
                """).query((rs, row) -> {
            Timestamp since = rs.getTimestamp("failing_since");
            return new FailingEndpoint(rs.getString("name"), rs.getString("url"), rs.getBoolean("enabled"),
                    rs.getString("disabled_reason"), (since != null) ? since.toInstant() : null);
        }).list();
    }

    /**
     * Deliveries sent per minute over the last {@code minutes} minutes, oldest first, per
     * channel.
     */
    Map<String, long[]> sentPerMinute(int minutes) {
        Map<String, long[]> series = new LinkedHashMap<>();
        CHANNELS.forEach((channel) -> series.put(channel, new long[minutes]));
        this.jdbc
            .sql("""
                    SELECT channel, floor(extract(epoch FROM (date_trunc('minute', now()) - date_trunc('minute', sent_at))) / 60)
                               AS ago, count(*) AS n
                    FROM notifier.delivery
                    WHERE status = 'sent' AND sent_at > date_trunc('minute', now()) - make_interval(mins => :minutes - 1)
                    GROUP BY 1, 2
                    """)
            .param("minutes", minutes)
            .query((rs, row) -> {
                long[] counts = series.get(rs.getString("channel"));
                int ago = rs.getInt("ago");
                if (counts != null && ago >= 0 && ago < minutes) {
                    counts[minutes - 1 - ago] = rs.getLong("n");
                }
                return null;
            })
            .list();
        return series;
    }

    /**
     * Members, those whose email, name or organisation contains {@code search} when
     * given.
     */
    List<MemberLine> members(@Nullable String search, int limit) {
        String pattern = (search == null || search.isBlank()) ? null : "%" + escapeLike(search.strip()) + "%";
        return this.jdbc.sql("""
                SELECT m.id, m.email, m.name, m.organisation, m.suppressed_at, m.suppressed_reason,
                       (SELECT count(*) FROM notifier.subscription s WHERE s.member_id = m.id) AS subscriptions
                FROM notifier.member m
                WHERE CAST(:pattern AS text) IS NULL OR m.email ILIKE CAST(:pattern AS text)
                   OR m.name ILIKE CAST(:pattern AS text) OR m.organisation ILIKE CAST(:pattern AS text)
                ORDER BY lower(m.email) LIMIT :limit
                """).param("pattern", pattern).param("limit", limit).query((rs, row) -> {
            Timestamp suppressed = rs.getTimestamp("suppressed_at");
            return new MemberLine(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                    rs.getString("organisation"), (suppressed != null) ? suppressed.toInstant() : null,
                    rs.getString("suppressed_reason"), rs.getInt("subscriptions"));
        }).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public record DeliveryLine(UUID id, String channel, String recipient, String status, int attempts,
            @Nullable String lastError, @Nullable Instant sentAt) {

        /** Whether staff may send it again from its page: it was sent, or it failed. */
        public boolean resendable() {
            return "sent".equals(this.status) || "failed".equals(this.status);
        }

        @Override
        public String toString() {
            return "DeliveryLine[id=" + this.id + ", channel=" + this.channel + ", status=" + this.status + "]";
        }

    }

    public record MemberLine(UUID id, String email, @Nullable String name, @Nullable String organisation,
            @Nullable Instant suppressedAt, @Nullable String suppressedReason, int subscriptions) {

        @Override
        public String toString() {
            return "MemberLine[id=" + this.id + "]";
        }

    }

    public record ChannelHealth(String channel, long sentLastHour, long pending, long failedLastDay) {
    }

    public record FailingEndpoint(String name, String url, boolean enabled, @Nullable String reason,
            @Nullable Instant failingSince) {
    }

}
