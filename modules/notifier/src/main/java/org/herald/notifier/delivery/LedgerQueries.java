package org.herald.notifier.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.herald.notifier.delivery.DeliveryRows.COLUMNS;

/**
 * What the ledger holds, read for the admin API: one delivery, or an announcement's, a
 * page at a time.
 */
public class LedgerQueries {

    private final JdbcClient jdbc;

    public LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} deliveries of an announcement, by channel, recipient and id,
     * after the delivery {@code after} (from the first if null).
     */
    public List<Delivery> forAnnouncement(UUID announcementId, @Nullable UUID after, int limit) {
        return forAnnouncement(announcementId, null, after, limit);
    }

    /**
     * Up to {@code limit} deliveries of an announcement of event kind {@code kind} (any
     * if null), by channel, recipient and id, after the delivery {@code after}.
     */
    public List<Delivery> forAnnouncement(UUID announcementId, @Nullable EventKind kind, @Nullable UUID after,
            int limit) {
        String of = (kind != null) ? " AND event_kind = :kind" : "";
        String from = (after != null) ? " AND (channel, recipient, id) > (SELECT channel, recipient, id"
                + " FROM notifier.delivery WHERE id = :after)" : "";
        var query = this.jdbc
            .sql("SELECT " + COLUMNS + " FROM notifier.delivery WHERE announcement_id = :id" + of + from
                    + " ORDER BY channel, recipient, id LIMIT :limit")
            .param("id", announcementId)
            .param("limit", limit);
        if (after != null) {
            query = query.param("after", after);
        }
        if (kind != null) {
            query = query.param("kind", kind.value());
        }
        return query.query(DeliveryRows::delivery).list();
    }

    public Optional<Delivery> find(UUID id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM notifier.delivery WHERE id = :id")
            .param("id", id)
            .query(DeliveryRows::delivery)
            .optional();
    }

}
