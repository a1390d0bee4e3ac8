package org.herald.notifier.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryLedger;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The log of every HTTP attempt of a webhook: when, the answer's status code, how long it
 * took, what went wrong. The next retry is read from the ledger, so it is always the
 * current one. Attempts that end together are written together ({@link GroupCommit}),
 * with the success of their endpoints (its {@code last_success_at}, written at most once
 * a second an endpoint), and the sent marks of those that succeeded, in one statement: a
 * commit per batch rather than two per request.
 */
final class WebhookAttempts {

    private static final int MAX_ERROR_LENGTH = 1000;

    /**
     * Batches written at once ({@link GroupCommit}): their commits overlap, so a worker
     * waits for about one commit after its request.
     */
    static final int WRITERS = 2;

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final GroupCommit<Logged> log;

    private final Supplier<DeliveryLedger> ledger;

    WebhookAttempts(JdbcClient jdbc, JdbcTemplate batch, Supplier<DeliveryLedger> ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.batch = batch;
        this.log = new GroupCommit<>(this::write, WRITERS);
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

    /**
     * Writes a batch in one statement, committed on its own (a single statement is
     * atomic): the attempts, the success of their endpoints and the sent marks, as
     * data-modifying common table expressions of the ledger's
     * {@link DeliveryLedger#MARK_SENT}. One round trip a batch, where a statement each
     * and the commit made four, each waiting for a CPU on a busy database.
     */
    private void write(List<Logged> attempts) {
        List<Logged> sent = attempts.stream().filter(Logged::success).toList();
        // Sorted: two batches lock their endpoints' rows in the same order.
        UUID[] succeeded = sent.stream().map(Logged::partnerId).distinct().sorted().toArray(UUID[]::new);
        Set<UUID> marked = this.batch.execute((ConnectionCallback<Set<UUID>>) (connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
                statement.setArray(1, connection.createArrayOf("uuid",
                        attempts.stream().map((logged) -> logged.delivery().id()).toArray()));
                statement.setArray(2,
                        connection.createArrayOf("uuid", attempts.stream().map(Logged::partnerId).toArray()));
                statement.setArray(3, connection.createArrayOf("int4",
                        attempts.stream().map((logged) -> logged.delivery().attempts()).toArray()));
                statement.setArray(4,
                        connection.createArrayOf("int4", attempts.stream().map(Logged::statusCode).toArray()));
                statement.setArray(5,
                        connection.createArrayOf("int4", attempts.stream().map(Logged::latencyMillis).toArray()));
                statement.setArray(6, connection.createArrayOf("text", attempts.stream().map(Logged::error).toArray()));
                statement.setArray(7, connection.createArrayOf("uuid", succeeded));
                statement.setArray(8, connection.createArrayOf("uuid",
                        sent.stream().map((logged) -> logged.delivery().id()).toArray()));
                statement.setArray(9, connection.createArrayOf("uuid",
                        sent.stream().map((logged) -> logged.delivery().claimToken()).toArray()));
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        sent.forEach((logged) -> logged.marked().set(marked != null && marked.contains(logged.delivery().id())));
    }

    /**
     * The attempts logged; the endpoints that succeeded marked healthy, at most once a
     * second each (each write locks its partner's row, which every request would
     * otherwise queue on), locked in the order of their ids; the sent deliveries marked
     * sent in the same commit, so that a sent delivery never lacks its attempt's row.
     */
    private static final String WRITE = """
            WITH logged AS (
                INSERT INTO notifier.webhook_attempt (delivery_id, partner_id, attempt, status_code, latency_ms, error)
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS int[]), CAST(? AS int[]),
                                     CAST(? AS int[]), CAST(? AS text[]))
            ),
            healthy AS (
                UPDATE notifier.partner p SET failing_since = NULL, last_success_at = now()
                FROM (SELECT id FROM notifier.partner
                      WHERE id = ANY (CAST(? AS uuid[]))
                        AND (failing_since IS NOT NULL OR last_success_at IS NULL
                             OR last_success_at < now() - interval '1 second')
                      ORDER BY id
                      FOR UPDATE) due
                WHERE p.id = due.id
            )
            """ + DeliveryLedger.MARK_SENT;

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
