package org.herald.notifier.delivery;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static java.util.stream.Collectors.joining;
import static org.herald.notifier.delivery.DeliveryRows.COLUMNS;
import static org.herald.notifier.delivery.DeliveryRows.params;
import static org.herald.notifier.delivery.DeliveryRows.seconds;
import static org.herald.notifier.delivery.DeliveryRows.truncate;
import static org.herald.notifier.delivery.DeliveryRows.uuidArray;

/**
 * The delivery ledger: a row per (announcement, event kind, event revision, channel,
 * recipient), recorded before anything is sent, so that taking in the same announcement
 * again records, and sends, nothing twice, and a later event about it (an update, a
 * commentary) is a delivery of its own (ADR 6).
 * <p>
 * A delivery moves {@code pending} → {@code sending} (claimed; the claim is committed
 * before the send) → {@code sent}, back to {@code pending} with a later
 * {@code next_attempt_at} (retry), or {@code failed}. A claim older than the lease (its
 * dispatcher crashed mid-send) goes back to {@code pending} and is claimed again, so a
 * crash repeats at most the sends that were under way; unless it has had all its
 * attempts, when it fails instead. Updates after a send are fenced by the claim's token:
 * a dispatcher that lost its claim to a newer one cannot overwrite the newer one's
 * result.
 */
public class DeliveryLedger {

    private static final Duration EXPIRED_CHECK = Duration.ofSeconds(1);

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final RetrySchedules schedules;

    private final TransactionTemplate transactions;

    /**
     * When each channel's expired claims were last ended ({@link System#nanoTime()}).
     */
    private final Map<Channel, AtomicLong> expiredCheckedAt = new EnumMap<>(Channel.class);

    public DeliveryLedger(JdbcClient jdbc, JdbcTemplate batch, RetrySchedules schedules) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.schedules = schedules;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(batch.getDataSource()));
        for (Channel channel : Channel.values()) {
            this.expiredCheckedAt.put(channel, new AtomicLong(System.nanoTime() - EXPIRED_CHECK.toNanos()));
        }
    }

    /**
     * Ends the claims older than the lease ({@link #expireClaims}) at most once a second
     * a channel (or once a lease, if shorter), rather than in each claim. A claim is an
     * index scan of the due rows alone; a lookup of the expired claims walks every sent
     * delivery's {@code sending} entry in {@code delivery_claimed_idx} older than the
     * lease until a vacuum removes it, which in each claim made a long fan-out slower
     * with every email sent (docs/performance.md).
     */
    private void expireClaimsNowAndThen(Channel channel, Duration lease) {
        AtomicLong checkedAt = this.expiredCheckedAt.get(channel);
        long now = System.nanoTime();
        long last = checkedAt.get();
        long every = Math.min(EXPIRED_CHECK.toNanos(), lease.toNanos());
        if (now - last >= every && checkedAt.compareAndSet(last, now)) {
            expireClaims(channel, lease);
        }
    }

    /**
     * Records {@code deliveries}, each due after its channel's first delay; those already
     * recorded are left as they are.
     * @return how many were new
     */
    public int record(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        int[][] counts = this.batch.batchUpdate("""
                INSERT INTO notifier.delivery (id, announcement_id, channel, recipient_id, recipient, matched_tags,
                        status, attempts, next_attempt_at, event_kind, event_revision)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, now() + make_interval(secs => ?), ?, ?)
                ON CONFLICT (announcement_id, event_kind, event_revision, channel, recipient_id) DO NOTHING
                """, deliveries, 500, this::setInsert);
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted += Math.max(count, 0);
            }
        }
        return inserted;
    }

    private void setInsert(PreparedStatement statement, NewDelivery delivery) throws SQLException {
        Array tags = statement.getConnection().createArrayOf("text", delivery.matchedTags().toArray());
        statement.setObject(1, UUID.randomUUID());
        statement.setObject(2, delivery.announcementId());
        statement.setString(3, delivery.channel().value());
        statement.setObject(4, delivery.recipientId());
        statement.setString(5, delivery.recipient());
        statement.setArray(6, tags);
        statement.setDouble(7, seconds(this.schedules.of(delivery.channel()).firstDelay()));
        statement.setString(8, delivery.eventKind().value());
        statement.setInt(9, delivery.eventRevision());
    }

    /**
     * Claims up to {@code limit} deliveries of {@code channel} that are due, oldest due
     * first: marks them {@code sending}, counts the attempt and commits, so the record of
     * the send exists before the send. Rows another dispatcher holds are skipped. The due
     * rows are read in {@code delivery_due_idx}'s order up to the limit, so a claim reads
     * about {@code limit} rows however many are pending, and locked once: the lookup is a
     * materialised CTE, so no plan can scan it again for each row it joins (a plan cached
     * while the table was empty did, and claimed every pending row at once). Claims older
     * than {@code lease} are first ended now and then ({@link #expireClaims}), their
     * deliveries due again.
     */
    public List<Delivery> claim(Channel channel, int limit, Duration lease) {
        return claim(channel, limit, lease, Set.of());
    }

    /**
     * Claims as {@link #claim(Channel, int, Duration)} does, leaving the deliveries to
     * {@code skipped} recipients where they are.
     */
    public List<Delivery> claim(Channel channel, int limit, Duration lease, Set<UUID> skipped) {
        expireClaimsNowAndThen(channel, lease);
        return this.jdbc
            .sql("""
                    WITH due AS MATERIALIZED (
                        SELECT id FROM notifier.delivery
                        WHERE channel = :channel AND status = 'pending' AND next_attempt_at <= now()
                          AND recipient_id <> ALL (CAST(:skipped AS uuid[]))
                          AND NOT EXISTS (SELECT 1 FROM notifier.sending_state WHERE paused)
                          AND NOT EXISTS (SELECT 1 FROM notifier.announcement_hold h
                                          WHERE h.announcement_id = notifier.delivery.announcement_id AND h.state <> 'approved')
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED)
                    UPDATE notifier.delivery d
                    SET status = 'sending', claimed_at = now(), claim_token = gen_random_uuid(), attempts = d.attempts + 1
                    FROM due
                    WHERE d.id = due.id
                    RETURNING d.id, d.announcement_id, d.channel, d.recipient_id, d.recipient, d.matched_tags, d.status,
                              d.attempts, d.last_error, d.next_attempt_at, d.created_at, d.sent_at, d.claim_token,
                              d.event_kind, d.event_revision
                    """)
            .param("channel", channel.value())
            .param("skipped", uuidArray(skipped))
            .param("limit", limit)
            .query(DeliveryRows::delivery)
            .list();
    }

    /**
     * Claims as {@link #claim(Channel, int, Duration, Set)} does, but no more of each
     * recipient's deliveries than {@code limits} grant, in one transaction with them: the
     * due rows are looked up (up to {@code scan}, oldest due first, locked), their
     * recipients' limits locked in the same statement
     * ({@link RecipientLimits#lockWithCandidates()}), the limits asked about them in
     * statements of their own, and the rows they admit claimed, the limits taking what
     * was claimed in the claim's own statement
     * ({@link RecipientLimits#takenWithClaim()}). Rows left out stay pending for a later
     * claim.
     */
    public List<Delivery> claim(Channel channel, int limit, Duration lease, Set<UUID> skipped, int scan,
            RecipientLimits limits) {
        expireClaimsNowAndThen(channel, lease);
        List<Delivery> claimed = this.transactions.execute((status) -> {
            List<Candidate> candidates = this.jdbc
                .sql("""
                        WITH candidates AS MATERIALIZED (
                            SELECT id, recipient_id, next_attempt_at FROM notifier.delivery
                            WHERE channel = :channel AND status = 'pending' AND next_attempt_at <= now()
                              AND recipient_id <> ALL (CAST(:skipped AS uuid[]))
                              AND NOT EXISTS (SELECT 1 FROM notifier.sending_state WHERE paused)
                              AND NOT EXISTS (SELECT 1 FROM notifier.announcement_hold h
                                              WHERE h.announcement_id = notifier.delivery.announcement_id AND h.state <> 'approved')
                            ORDER BY next_attempt_at
                            LIMIT :scan
                            FOR UPDATE SKIP LOCKED),
                        locked AS (%s)
                        SELECT id, recipient_id FROM candidates
                        WHERE (SELECT count(*) FROM locked) >= 0
                        ORDER BY next_attempt_at
                        """
                    .formatted(limits.lockWithCandidates()))
                .param("channel", channel.value())
                .param("skipped", uuidArray(skipped))
                .param("scan", Math.max(scan, limit))
                .query((row, rowNum) -> new Candidate(row.getObject("id", UUID.class),
                        row.getObject("recipient_id", UUID.class)))
                .list();
            if (candidates.isEmpty()) {
                return List.of();
            }
            Set<UUID> recipients = new LinkedHashSet<>();
            candidates.forEach((candidate) -> recipients.add(candidate.recipientId()));
            Map<UUID, Integer> left = new HashMap<>(limits.available(recipients));
            List<UUID> chosen = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (chosen.size() == limit) {
                    break;
                }
                int allowed = left.getOrDefault(candidate.recipientId(), 0);
                if (allowed > 0) {
                    left.put(candidate.recipientId(), allowed - 1);
                    chosen.add(candidate.id());
                }
            }
            if (chosen.isEmpty()) {
                return List.of();
            }
            // The limits take what the claim returns, in the claim's statement.
            String update = """
                    WITH claimed AS (
                        UPDATE notifier.delivery d
                        SET status = 'sending', claimed_at = now(), claim_token = gen_random_uuid(), attempts = d.attempts + 1
                        WHERE d.id = ANY (CAST(:ids AS uuid[]))
                        RETURNING d.id, d.announcement_id, d.channel, d.recipient_id, d.recipient, d.matched_tags, d.status,
                                  d.attempts, d.last_error, d.next_attempt_at, d.created_at, d.sent_at, d.claim_token,
                                  d.event_kind, d.event_revision),
                    taken AS (%s)
                    SELECT * FROM claimed
                    """
                .formatted(limits.takenWithClaim());
            return this.jdbc.sql(update).param("ids", uuidArray(chosen)).query(DeliveryRows::delivery).list();
        });
        return (claimed != null) ? claimed : List.of();
    }

    private record Candidate(UUID id, UUID recipientId) {
    }

    /**
     * Ends every claim of {@code channel} older than {@code lease}: its dispatcher
     * crashed or hung mid-send. A delivery with attempts left goes back to
     * {@code pending}, due when it was (so it is claimed again before the deliveries due
     * after it), its claim token cleared, so the lost dispatcher's late answer changes
     * nothing. One that has had all its attempts fails for good: claiming it again would
     * repeat the attempt that was under way without end (a delivery that crashes every
     * dispatcher that sends it would be re-claimed forever).
     * @return how many claims were ended
     */
    public int expireClaims(Channel channel, Duration lease) {
        return this.jdbc
            .sql("""
                    UPDATE notifier.delivery
                    SET status = CASE WHEN attempts >= :limit THEN 'failed' ELSE 'pending' END,
                        claim_token = NULL,
                        last_error = left(CASE WHEN attempts >= :limit THEN 'Gave up after ' || attempts || ' attempts: the last one'
                                                ELSE 'Attempt ' || attempts END
                                || ' did not finish within the lease (' || CAST(:lease AS text) || ' s)'
                                || coalesce('; before it: ' || last_error, ''), 1000)
                    WHERE channel = :channel AND status = 'sending'
                      AND claimed_at < now() - make_interval(secs => :lease)
                    """)
            .param("channel", channel.value())
            .param("lease", seconds(lease))
            .param("limit", this.schedules.of(channel).maxAttempts())
            .update();
    }

    /**
     * Marks a claimed delivery sent; false if its claim was lost to another dispatcher.
     */
    public boolean markSent(Delivery claimed) {
        return finishClaim(claimed, "status = 'sent', sent_at = now(), last_error = NULL", params());
    }

    /**
     * Marks claimed deliveries sent in one statement (one commit), each fenced by its
     * claim's token as {@link #markSent(Delivery)} is.
     * @return the ids of those marked; a delivery whose claim was lost is not among them
     */
    public Set<UUID> markSent(List<Delivery> claimed) {
        if (claimed.isEmpty()) {
            return Set.of();
        }
        String ids = claimed.stream().map((delivery) -> delivery.id().toString()).collect(joining(",", "{", "}"));
        String tokens = claimed.stream()
            .map((delivery) -> String.valueOf(delivery.claimToken()))
            .collect(joining(",", "{", "}"));
        return Set.copyOf(this.jdbc.sql(MARK_SENT).param(ids).param(tokens).query(UUID.class).list());
    }

    /**
     * The statement of {@link #markSent(List)}, for a channel that marks its sent
     * deliveries in a statement of its own, after common table expressions of its own (a
     * log of the sends, written in the same round trip and commit): its two parameters
     * are the deliveries' ids and their claims' tokens ({@code uuid[]} each, in the same
     * order); it returns the ids of those marked, each fenced by its claim's token.
     */
    public static final String MARK_SENT = """
            UPDATE notifier.delivery d
            SET status = 'sent', sent_at = now(), last_error = NULL, claim_token = NULL
            FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[])) AS c(id, token)
            WHERE d.id = c.id AND d.status = 'sending' AND d.claim_token = c.token
            RETURNING d.id
            """;

    /** Puts a claimed delivery back to pending, due after {@code delay}. */
    public boolean scheduleRetry(Delivery claimed, String error, Duration delay) {
        return finishClaim(claimed,
                "status = 'pending', last_error = :error, next_attempt_at = now() + make_interval(secs => :delay)",
                params("error", truncate(error), "delay", seconds(delay)));
    }

    /** Marks a claimed delivery failed for good. */
    public boolean markFailed(Delivery claimed, String error) {
        return finishClaim(claimed, "status = 'failed', last_error = :error", params("error", truncate(error)));
    }

    /**
     * Puts a claimed delivery back, due after {@code wait}, without counting the attempt.
     */
    public boolean defer(Delivery claimed, Duration wait) {
        return finishClaim(claimed, "status = 'pending', attempts = greatest(attempts - 1, 0), "
                + "next_attempt_at = now() + make_interval(secs => :wait)", params("wait", seconds(wait)));
    }

    /** Marks a claimed delivery suppressed: not sent on purpose, never to be. */
    public boolean markSuppressed(Delivery claimed, String reason) {
        return finishClaim(claimed, "status = 'suppressed', last_error = :reason", params("reason", truncate(reason)));
    }

    /**
     * Records what became of a claimed delivery, releasing the claim. Fenced by the claim
     * token: a dispatcher whose claim expired and was taken over changes nothing, so it
     * can never overwrite the newer claim's result.
     * @return false if the claim was lost
     */
    private boolean finishClaim(Delivery claimed, String assignments, Map<String, ?> params) {
        return this.jdbc
            .sql("UPDATE notifier.delivery SET " + assignments + ", claim_token = NULL"
                    + " WHERE id = :id AND status = 'sending' AND claim_token = :token")
            .params(params)
            .param("id", claimed.id())
            .param("token", claimed.claimToken())
            .update() == 1;
    }

    /**
     * Sends a delivery again, whatever became of it (sent, failed, or waiting for a
     * retry), with a fresh schedule: due now, its attempts counted from zero. A delivery
     * being sent is left alone.
     * @return the delivery as it now is; empty if there is none, or it is being sent
     */
    public Optional<Delivery> resend(UUID id) {
        return this.jdbc
            .sql("""
                    UPDATE notifier.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), claim_token = NULL
                    WHERE id = :id AND status <> 'sending'
                    RETURNING\s"""
                    + DeliveryRows.COLUMNS)
            .param("id", id)
            .query(DeliveryRows::delivery)
            .optional();
    }

    /**
     * Sends again, with a fresh schedule, every delivery of {@code channel} to
     * {@code recipientId} that failed and was recorded at or after {@code since}.
     * @return how many
     */
    public int resendFailed(Channel channel, UUID recipientId, Instant since) {
        return this.jdbc
            .sql("""
                    UPDATE notifier.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), claim_token = NULL
                    WHERE channel = :channel AND recipient_id = :recipient AND status = 'failed' AND created_at >= :since
                    """)
            .param("channel", channel.value())
            .param("recipient", recipientId)
            .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
            .update();
    }

    public List<Delivery> forAnnouncement(UUID announcementId) {
        return this.jdbc
            .sql("SELECT " + COLUMNS + " FROM notifier.delivery WHERE announcement_id = :id"
                    + " ORDER BY channel, event_kind <> 'published', event_revision, created_at, recipient")
            .param("id", announcementId)
            .query(DeliveryRows::delivery)
            .list();
    }

    /**
     * The email deliveries of an announcement that were sent, one per member (the
     * latest): who has already been told of it.
     */
    public List<Delivery> sentEmails(UUID announcementId) {
        return this.jdbc
            .sql("SELECT DISTINCT ON (recipient_id) " + COLUMNS + " FROM notifier.delivery"
                    + " WHERE announcement_id = :id AND channel = 'email' AND status = 'sent'"
                    + " ORDER BY recipient_id, sent_at DESC")
            .param("id", announcementId)
            .query(DeliveryRows::delivery)
            .list();
    }

    public Optional<Delivery> find(UUID id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM notifier.delivery WHERE id = :id")
            .param("id", id)
            .query(DeliveryRows::delivery)
            .optional();
    }

}
