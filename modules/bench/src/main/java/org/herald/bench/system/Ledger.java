package org.herald.bench.system;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the notifier's delivery ledger says of the benchmark's announcements: a row per
 * (announcement, channel, recipient), {@code sent_at} set once the SMTP server answered
 * 250 or the endpoint 2xx.
 */
final class Ledger {

    private final Stack stack;

    Ledger(Stack stack) {
        this.stack = stack;
    }

    /**
     * Waits until {@code expected} deliveries of {@code announcement} on {@code channel}
     * are sent or failed; answers their counts and times.
     */
    Fanout awaitFanout(UUID announcement, String channel, int expected, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = this.stack.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed'),
                       count(DISTINCT recipient_id), count(*),
                       extract(epoch FROM min(sent_at)), extract(epoch FROM max(sent_at))
                FROM notifier.delivery WHERE announcement_id = ? AND channel = ?""")) {
            query.setObject(1, announcement);
            query.setString(2, channel);
            while (true) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    Fanout fanout = new Fanout(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getDouble(5), row.getDouble(6));
                    if (fanout.sent() + fanout.failed() >= expected) {
                        return fanout;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Only " + fanout.sent() + " of " + expected + " " + channel
                                + " deliveries sent in " + timeout);
                    }
                }
                // Half a second: the count reads every row of the fan-out (20-60 ms
                // each on 2 cores), and polled every 100 ms it took 14 % of a core
                // from the database it measures. The rates come from sent_at, not
                // from when this sees the end.
                Processes.pause(500);
            }
        }
    }

    /**
     * Waits until every one of {@code announcements} has a sent {@code channel} delivery;
     * answers the latest {@code sent_at} of each (epoch seconds).
     */
    Map<UUID, Double> awaitSent(Collection<UUID> announcements, String channel, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = this.stack.connect(); PreparedStatement query = connection.prepareStatement("""
                SELECT announcement_id, extract(epoch FROM max(sent_at)) FROM notifier.delivery
                WHERE announcement_id = ANY (?) AND channel = ? AND status = 'sent' GROUP BY announcement_id""")) {
            Array ids = connection.createArrayOf("uuid", announcements.toArray());
            query.setArray(1, ids);
            query.setString(2, channel);
            while (true) {
                Map<UUID, Double> sent = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sent.put(rows.getObject(1, UUID.class), rows.getDouble(2));
                    }
                }
                if (sent.size() >= announcements.size()) {
                    return sent;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Only " + sent.size() + " of " + announcements.size()
                            + " announcements had their " + channel + " sent in " + timeout);
                }
                Processes.pause(100);
            }
        }
    }

    /**
     * Waits until {@code announcements} have {@code expected} {@code channel} deliveries
     * recorded in all, whatever their status.
     */
    void awaitRecorded(Collection<UUID> announcements, String channel, int expected, Duration timeout)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = this.stack.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM notifier.delivery WHERE announcement_id = ANY (?) AND channel = ?")) {
            query.setArray(1, connection.createArrayOf("uuid", announcements.toArray()));
            query.setString(2, channel);
            while (true) {
                long recorded;
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    recorded = row.getLong(1);
                }
                if (recorded >= expected) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Only " + recorded + " of " + expected + " " + channel
                            + " deliveries recorded in " + timeout);
                }
                Processes.pause(200);
            }
        }
    }

    /**
     * When the notifier took each of {@code announcements} in from the tagged topic
     * ({@code notifier.announcement.received_at}, epoch seconds).
     */
    Map<UUID, Double> received(Collection<UUID> announcements) throws SQLException {
        try (Connection connection = this.stack.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, extract(epoch FROM received_at) FROM notifier.announcement WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", announcements.toArray()));
            Map<UUID, Double> received = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    received.put(rows.getObject(1, UUID.class), rows.getDouble(2));
                }
            }
            return received;
        }
    }

    /**
     * An announcement's deliveries on one channel.
     *
     * @param sent rows sent
     * @param failed rows failed for good
     * @param recipients distinct recipients among the rows
     * @param rows all rows
     * @param firstSent the first {@code sent_at}, epoch seconds
     * @param lastSent the last {@code sent_at}, epoch seconds
     */
    record Fanout(long sent, long failed, long recipients, long rows, double firstSent, double lastSent) {

        /** Sent over the first to the last {@code sent_at}. */
        double rate() {
            return this.sent / Math.max(this.lastSent - this.firstSent, 1e-3);
        }

    }

}
