package org.herald.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.herald.systemtests.cluster.HeraldCluster;

/**
 * The notifier's members and ledger, read and written with SQL in its schema (after its
 * Flyway migrations ran): thousands of members in a second, where the API would take
 * minutes on two cores.
 */
final class Members {

    private final HeraldCluster cluster;

    Members(HeraldCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Replaces every member by {@code count} members
     * {@code <prefix>-<n>@members.example.org}, each subscribed at once to
     * {@code critical-minerals}.
     */
    void replaceWith(String prefix, int count) throws SQLException {
        try (Connection connection = this.cluster.connect()) {
            connection.setAutoCommit(false);
            try (Statement delete = connection.createStatement()) {
                delete.execute("DELETE FROM notifier.member");
            }
            try (PreparedStatement member = connection.prepareStatement(
                    "INSERT INTO notifier.member (id, email, name, organisation) VALUES (?, ?, ?, 'System tests Ltd')");
                    PreparedStatement subscription = connection.prepareStatement(
                            """
                                    INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency)
                                    VALUES (?, ?, '{critical-minerals}', 'any', 0, 'immediate')""")) {
                for (int n = 1; n <= count; n++) {
                    UUID id = UUID.randomUUID();
                    member.setObject(1, id);
                    member.setString(2, "%s-%05d@members.example.org".formatted(prefix, n));
                    member.setString(3, "Member " + n);
                    member.addBatch();
                    subscription.setObject(1, UUID.randomUUID());
                    subscription.setObject(2, id);
                    subscription.addBatch();
                }
                member.executeBatch();
                subscription.executeBatch();
            }
            connection.commit();
        }
    }

    /** The ledger's email rows of {@code announcement}, counted by status. */
    Map<String, Integer> ledger(UUID announcement) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = this.cluster.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT status, count(*) FROM notifier.delivery
                WHERE announcement_id = ? AND channel = 'email' GROUP BY status ORDER BY status""")) {
            query.setObject(1, announcement);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * Whether every email of {@code announcement} is recorded sent: {@code count} rows,
     * all {@code sent}.
     */
    boolean allSent(UUID announcement, int count) {
        try {
            return Map.of("sent", count).equals(ledger(announcement));
        }
        catch (SQLException ex) {
            return false;
        }
    }

    /** Whether the notifier has taken {@code announcement} in. */
    boolean takenIn(UUID announcement) {
        try (Connection connection = this.cluster.connect();
                PreparedStatement query = connection
                    .prepareStatement("SELECT 1 FROM notifier.announcement WHERE id = ?")) {
            query.setObject(1, announcement);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
        catch (SQLException ex) {
            return false;
        }
    }

}
