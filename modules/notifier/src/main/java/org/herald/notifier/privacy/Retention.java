package org.herald.notifier.privacy;

import java.time.Duration;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Deletes what is older than its retention period: webhook attempts, finished deliveries
 * (sent, failed or suppressed; their attempts go with them) and finished digests with
 * their items. Pending and sending rows are never pruned, whatever their age. Deletes in
 * batches, so no run holds many locks for long.
 */
final class Retention {

    private static final Log logger = LogFactory.getLog(Retention.class);

    private static final int BATCH = 5000;

    private final JdbcClient jdbc;

    private final TransactionOperations transactions;

    private final RetentionProperties properties;

    Retention(JdbcClient jdbc, TransactionOperations transactions, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Prunes once; answers how many rows went, of each kind. */
    Pruned prune() {
        long attempts = batches("""
                DELETE FROM notifier.webhook_attempt WHERE id IN (
                    SELECT id FROM notifier.webhook_attempt WHERE attempted_at < now() - make_interval(secs => :age)
                    LIMIT :batch)
                """, this.properties.webhookAttempts());
        long deliveries = batches(
                """
                        DELETE FROM notifier.delivery WHERE id IN (
                            SELECT id FROM notifier.delivery
                            WHERE status IN ('sent', 'failed', 'suppressed') AND created_at < now() - make_interval(secs => :age)
                            LIMIT :batch)
                        """,
                this.properties.deliveries());
        long digests = 0;
        int deleted;
        do {
            // The items first: deleting a digest would otherwise set its items waiting
            // again.
            Integer count = this.transactions.execute((status) -> {
                UUID[] ids = this.jdbc
                    .sql("""
                            SELECT id FROM notifier.digest
                            WHERE status IN ('sent', 'failed', 'suppressed') AND created_at < now() - make_interval(secs => :age)
                            LIMIT :batch FOR UPDATE
                            """)
                    .param("age", seconds(this.properties.digests()))
                    .param("batch", BATCH)
                    .query(UUID.class)
                    .list()
                    .toArray(new UUID[0]);
                this.jdbc.sql("DELETE FROM notifier.digest_item WHERE digest_id = ANY(:ids)")
                    .param("ids", ids)
                    .update();
                return this.jdbc.sql("DELETE FROM notifier.digest WHERE id = ANY(:ids)").param("ids", ids).update();
            });
            deleted = (count != null) ? count : 0;
            digests += deleted;
        }
        while (deleted == BATCH);
        Pruned pruned = new Pruned(deliveries, attempts, digests);
        logger.info("Retention: pruned " + deliveries + " deliveries (older than " + this.properties.deliveries()
                + "), " + attempts + " webhook attempts (" + this.properties.webhookAttempts() + "), " + digests
                + " digests (" + this.properties.digests() + ")");
        return pruned;
    }

    private long batches(String sql, Duration age) {
        long total = 0;
        int deleted;
        do {
            deleted = this.jdbc.sql(sql).param("age", seconds(age)).param("batch", BATCH).update();
            total += deleted;
        }
        while (deleted == BATCH);
        return total;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /**
     * What one run pruned.
     *
     * @param deliveries finished deliveries
     * @param webhookAttempts webhook attempts
     * @param digests finished digests
     */
    record Pruned(long deliveries, long webhookAttempts, long digests) {
    }

}
