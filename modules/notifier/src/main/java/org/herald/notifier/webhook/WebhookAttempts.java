package org.herald.notifier.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The log of every HTTP attempt of a webhook: when, the answer's status code, how long it
 * took, what went wrong. The next retry is read from the ledger, so it is always the
 * current one.
 */
final class WebhookAttempts {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    WebhookAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID deliveryId, UUID partnerId, int attempt, Integer statusCode, long latencyMillis, String error) {
        this.jdbc.sql("""
                INSERT INTO notifier.webhook_attempt (delivery_id, partner_id, attempt, status_code, latency_ms, error)
                VALUES (:delivery, :partner, :attempt, :status, :latency, :error)
                """)
            .param("delivery", deliveryId)
            .param("partner", partnerId)
            .param("attempt", attempt)
            .param("status", statusCode, java.sql.Types.INTEGER)
            .param("latency", (int) Math.min(latencyMillis, Integer.MAX_VALUE))
            .param("error",
                    (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error)
            .update();
    }

    /** The latest attempts to a partner's endpoint, newest first. */
    List<Attempt> forPartner(UUID partnerId, int limit) {
        return this.jdbc
            .sql("""
                    SELECT a.delivery_id, d.announcement_id, a.attempt, a.attempted_at, a.status_code, a.latency_ms, a.error,
                           CASE WHEN d.status = 'pending' AND a.attempt = (SELECT max(b.attempt) FROM notifier.webhook_attempt b
                                                                          WHERE b.delivery_id = a.delivery_id)
                                THEN d.next_attempt_at END AS next_retry_at
                    FROM notifier.webhook_attempt a JOIN notifier.delivery d ON d.id = a.delivery_id
                    WHERE a.partner_id = :partner
                    ORDER BY a.attempted_at DESC, a.id DESC
                    LIMIT :limit
                    """)
            .param("partner", partnerId)
            .param("limit", limit)
            .query(WebhookAttempts::attempt)
            .list();
    }

    private static Attempt attempt(ResultSet row, int rowNum) throws SQLException {
        return new Attempt(row.getObject("delivery_id", UUID.class), row.getObject("announcement_id", UUID.class),
                row.getInt("attempt"), instant(row, "attempted_at"), row.getObject("status_code", Integer.class),
                row.getInt("latency_ms"), row.getString("error"), instant(row, "next_retry_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    /**
     * One attempt.
     *
     * @param deliveryId the delivery, the {@code webhook-id}
     * @param announcementId its announcement
     * @param attempt which attempt of the delivery it was, from 1
     * @param attemptedAt when it was made
     * @param statusCode the answer's status code; null if there was no answer
     * @param latencyMillis from sending to the end of the answer (or the failure)
     * @param error what went wrong; null on success
     * @param nextRetryAt when the delivery will be tried again, if this was its latest
     * attempt and it will
     */
    record Attempt(UUID deliveryId, UUID announcementId, int attempt, Instant attemptedAt, Integer statusCode,
            int latencyMillis, String error, Instant nextRetryAt) {
    }

}
