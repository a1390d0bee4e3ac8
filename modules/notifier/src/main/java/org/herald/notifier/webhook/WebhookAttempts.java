package org.herald.notifier.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryLedger;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log of every HTTP attempt of a webhook: when, the answer's status code, how long it
 * took, what went wrong. The next retry is read from the ledger, so it is always the
 * current one. Attempts that end together are written together ({@link GroupCommit}),
 * with the success of their endpoints (its {@code last_success_at}, written at most once
 * a second an endpoint), in one transaction: a commit per batch rather than two per
 * request.
 */
final class WebhookAttempts {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final TransactionTemplate transactions;

    private final GroupCommit<Logged> log;

    private final Supplier<DeliveryLedger> ledger;

    WebhookAttempts(JdbcClient jdbc, JdbcTemplate batch, Supplier<DeliveryLedger> ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(batch.getDataSource()));
        this.log = new GroupCommit<>(this::write);
    }

    /**
     * Logs an attempt of a claimed delivery, and if it succeeded the endpoint's success
     * and the delivery's {@code sent} mark in the ledger (fenced by its claim's token);
     * returns once they are committed.
     * @return if it succeeded, whether the mark took (false: the claim was lost); null if
     * it did not succeed
     */
    @Nullable Boolean record(Delivery delivery, UUID partnerId, @Nullable Integer statusCode, long latencyMillis,
            @Nullable String error, boolean success) {
        Logged logged = new Logged(delivery, partnerId, statusCode, (int) Math.min(latencyMillis, Integer.MAX_VALUE),
                (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error,
                success, new AtomicBoolean());
        this.log.write(logged);
        return success ? logged.marked().get() : null;
    }

    private void write(List<Logged> attempts) {
        this.transactions.executeWithoutResult((status) -> {
            this.batch.batchUpdate(
                    """
                            INSERT INTO notifier.webhook_attempt (delivery_id, partner_id, attempt, status_code, latency_ms, error)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                    attempts, attempts.size(), (statement, logged) -> {
                        statement.setObject(1, logged.delivery().id());
                        statement.setObject(2, logged.partnerId());
                        statement.setInt(3, logged.delivery().attempts());
                        statement.setObject(4, logged.statusCode(), java.sql.Types.INTEGER);
                        statement.setInt(5, logged.latencyMillis());
                        statement.setString(6, logged.error());
                    });
            String succeeded = attempts.stream()
                .filter(Logged::success)
                .map((logged) -> logged.partnerId().toString())
                .distinct()
                .sorted()
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
            if (!succeeded.equals("{}")) {
                // A healthy endpoint's success is written at most once a second: each
                // write locks its partner's row, which every request would otherwise
                // queue on.
                this.jdbc.sql("""
                        UPDATE notifier.partner SET failing_since = NULL, last_success_at = now()
                        WHERE id = ANY (CAST(:ids AS uuid[]))
                          AND (failing_since IS NOT NULL OR last_success_at IS NULL
                               OR last_success_at < now() - interval '1 second')
                        """).param("ids", succeeded).update();
            }
            List<Delivery> sent = attempts.stream().filter(Logged::success).map(Logged::delivery).toList();
            if (!sent.isEmpty()) {
                // Marked sent in the same commit: one commit a batch for the log and the
                // ledger, and never a sent delivery without its attempt logged.
                Set<UUID> marked = this.ledger.get().markSent(sent);
                attempts.stream()
                    .filter(Logged::success)
                    .forEach((logged) -> logged.marked().set(marked.contains(logged.delivery().id())));
            }
        });
    }

    private record Logged(Delivery delivery, UUID partnerId, @Nullable Integer statusCode, int latencyMillis,
            @Nullable String error, boolean success, AtomicBoolean marked) {
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
