package org.herald.notifier.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.herald.notifier.delivery.RecipientLimits;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each endpoint may take, held in PostgreSQL so that it binds every notifier
 * instance together (ADR 7): a token bucket of its rate limit (messages per second, a
 * second's worth of burst) in {@code notifier.endpoint_bucket}, and a cap on the requests
 * under way to it, which are its claimed ({@code sending}) webhook deliveries. Both are
 * read and taken in the claim's transaction, under the lock of the endpoint's bucket row,
 * so two instances claiming for one endpoint at once take turns; a crashed instance's
 * requests stop counting when their claims' lease runs out, as the ledger reclaims them.
 * A slow or hanging endpoint holds at most the cap of the channel's workers; the rest go
 * on serving the others.
 * <p>
 * Endpoints found at their limit are remembered here for a moment (until a token is due,
 * or {@link #BUSY_WAIT} at their cap), so the next claims leave their deliveries alone
 * rather than read them again: a hint, not the limit.
 */
final class EndpointLimits {

    static final Duration BUSY_WAIT = Duration.ofMillis(100);

    private static final Duration LEAST_WAIT = Duration.ofMillis(20);

    /**
     * Takes a token for each claimed delivery, in the claim's own statement, from the
     * rows it claimed.
     */
    private static final String TAKEN_WITH_CLAIM = """
            UPDATE notifier.endpoint_bucket b SET tokens = b.tokens - c.taken
            FROM (SELECT recipient_id, count(*) AS taken FROM claimed GROUP BY recipient_id) c
            WHERE b.partner_id = c.recipient_id
            """;

    /**
     * Locks the buckets of the claim's candidates, in the order of their ids (so two
     * claims never wait for each other in a circle), in the statement that finds them: a
     * round trip fewer a claim than a statement of its own.
     */
    private static final String LOCK_WITH_CANDIDATES = """
            SELECT partner_id FROM notifier.endpoint_bucket
            WHERE partner_id IN (SELECT recipient_id FROM candidates)
            ORDER BY partner_id
            FOR UPDATE
            """;

    private final JdbcClient jdbc;

    private final int defaultRate;

    private final int maxInFlight;

    private final LongSupplier nanoTime;

    /** Endpoints at their limit, and until when ({@link System#nanoTime()}). */
    private final Map<UUID, Long> unavailable = new ConcurrentHashMap<>();

    /**
     * @param defaultRate messages per second for an endpoint without its own limit
     * @param maxInFlight requests under way to one endpoint at once, across instances
     * @param nanoTime the clock of the hints ({@link System#nanoTime()}, but for tests)
     */
    EndpointLimits(JdbcClient jdbc, int defaultRate, int maxInFlight, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.defaultRate = defaultRate;
        this.maxInFlight = maxInFlight;
        this.nanoTime = nanoTime;
    }

    /**
     * The limits for one claim, in its transaction.
     * @param lease the dispatcher's lease: a claim older than it is no longer under way
     */
    RecipientLimits within(Duration lease) {
        return new RecipientLimits() {

            @Override
            public Map<UUID, Integer> available(Set<UUID> recipients) {
                return EndpointLimits.this.available(recipients, lease);
            }

            @Override
            public String lockWithCandidates() {
                return LOCK_WITH_CANDIDATES;
            }

            @Override
            public String takenWithClaim() {
                return TAKEN_WITH_CLAIM;
            }

        };
    }

    /**
     * Refills the endpoints' buckets, already locked by the claim's statement that found
     * its candidates ({@link #LOCK_WITH_CANDIDATES}), and counts their requests under
     * way, in a statement started after the lock. An endpoint without a bucket yet gets
     * one, locked in a statement of its own.
     */
    Map<UUID, Integer> available(Set<UUID> endpoints, Duration lease) {
        String ids = array(endpoints);
        List<Bucket> buckets = refill(ids, lease);
        if (buckets.size() < endpoints.size()) {
            // An endpoint's first claim: its bucket starts full.
            this.jdbc.sql("""
                    INSERT INTO notifier.endpoint_bucket (partner_id, tokens, refilled_at)
                    SELECT id, coalesce(rate_limit, :rate), clock_timestamp() FROM notifier.partner
                    WHERE id = ANY (CAST(:ids AS uuid[]))
                    ORDER BY id
                    ON CONFLICT (partner_id) DO NOTHING
                    """).param("ids", ids).param("rate", this.defaultRate).update();
            // Another claim may have made a bucket first: locked here, then counted.
            lock(ids);
            buckets = refill(ids, lease);
        }
        Map<UUID, Integer> available = new HashMap<>();
        long now = this.nanoTime.getAsLong();
        for (Bucket bucket : buckets) {
            int places = this.maxInFlight - bucket.inFlight();
            int tokens = (int) Math.floor(bucket.tokens());
            available.put(bucket.id(), Math.max(0, Math.min(places, tokens)));
            if (places <= 0) {
                this.unavailable.put(bucket.id(), now + BUSY_WAIT.toNanos());
            }
            else if (tokens < 1) {
                long nanos = (long) Math.ceil((1 - bucket.tokens()) / bucket.rate() * 1_000_000_000L);
                this.unavailable.put(bucket.id(), now + Math.max(nanos, LEAST_WAIT.toNanos()));
            }
        }
        for (UUID endpoint : endpoints) {
            // No bucket: the partner is gone; the send fails the delivery.
            available.putIfAbsent(endpoint, this.maxInFlight);
        }
        return available;
    }

    /**
     * Locks the buckets of {@code ids} in the order of their ids (so two claims never
     * wait for each other in a circle).
     */
    private void lock(String ids) {
        this.jdbc.sql("""
                SELECT partner_id FROM notifier.endpoint_bucket WHERE partner_id = ANY (CAST(:ids AS uuid[]))
                ORDER BY partner_id
                FOR UPDATE
                """).param("ids", ids).query(UUID.class).list();
    }

    /**
     * Refills the buckets of {@code ids}, locked, by the database's clock, read once they
     * are locked (the same clock for every instance), and counts each endpoint's requests
     * under way. The lock must be taken by an earlier statement: the count must be read
     * by a statement that starts once the lock is held (each statement reads what was
     * committed when it started), so that it sees the claims of the instance that held
     * the lock before; a lock in this statement would not do.
     */
    private List<Bucket> refill(String ids, Duration lease) {
        return this.jdbc
            .sql("""
                    UPDATE notifier.endpoint_bucket b
                    SET tokens = least(p.rate, b.tokens + p.rate * greatest(0, extract(epoch FROM clock_timestamp() - b.refilled_at))),
                        refilled_at = greatest(b.refilled_at, clock_timestamp())
                    FROM (SELECT id, coalesce(rate_limit, :rate) AS rate FROM notifier.partner
                          WHERE id = ANY (CAST(:ids AS uuid[]))) p
                    WHERE b.partner_id = p.id
                    RETURNING b.partner_id, b.tokens, p.rate,
                              (SELECT count(*) FROM notifier.delivery d
                               WHERE d.channel = 'webhook' AND d.status = 'sending' AND d.recipient_id = b.partner_id
                                 AND d.claimed_at >= now() - make_interval(secs => :lease)) AS in_flight
                    """)
            .param("ids", ids)
            .param("rate", this.defaultRate)
            .param("lease", lease.toMillis() / 1000.0)
            .query((row, rowNum) -> new Bucket(row.getObject("partner_id", UUID.class), row.getDouble("tokens"),
                    row.getInt("rate"), row.getInt("in_flight")))
            .list();
    }

    /** The endpoints found at their limit a moment ago: a hint for the next claim. */
    Set<UUID> unavailable() {
        long now = this.nanoTime.getAsLong();
        this.unavailable.values().removeIf((until) -> until - now <= 0);
        return Set.copyOf(this.unavailable.keySet());
    }

    private static String array(Iterable<UUID> ids) {
        StringBuilder array = new StringBuilder("{");
        for (UUID id : ids) {
            array.append((array.length() > 1) ? "," : "").append(id);
        }
        return array.append('}').toString();
    }

    private record Bucket(UUID id, double tokens, int rate, int inFlight) {
    }

}
