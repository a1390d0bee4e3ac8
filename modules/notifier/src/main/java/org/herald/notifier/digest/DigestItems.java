package org.herald.notifier.digest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records matches for the digests at intake, in the intake's transaction, so none is lost
 * between the announcement and the digest. One item per (member, announcement, event
 * kind, event revision): taking the same record in again records nothing.
 */
public final class DigestItems {

    private final JdbcTemplate jdbc;

    public DigestItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code items}; answers how many were new. */
    public int record(List<NewDigestItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        int[][] counts = this.jdbc.batchUpdate("""
                INSERT INTO notifier.digest_item (member_id, announcement_id, frequency, matched_tags, event_kind,
                        event_revision)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id, announcement_id, event_kind, event_revision) DO NOTHING
                """, items, 500, DigestItems::set);
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted += Math.max(count, 0);
            }
        }
        return inserted;
    }

    private static void set(PreparedStatement statement, NewDigestItem item) throws SQLException {
        statement.setObject(1, item.memberId());
        statement.setObject(2, item.announcementId());
        statement.setString(3, item.frequency().value());
        statement.setArray(4, statement.getConnection().createArrayOf("text", item.matchedTags().toArray()));
        statement.setString(5, item.eventKind().value());
        statement.setInt(6, item.eventRevision());
    }

}
