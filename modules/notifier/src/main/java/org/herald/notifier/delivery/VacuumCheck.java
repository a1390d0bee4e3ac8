package org.herald.notifier.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warns at start-up when PostgreSQL will not vacuum the ledger by itself. Every send
 * updates its {@code notifier.delivery} row two or three times, and every webhook takes
 * tokens from {@code notifier.endpoint_bucket}: without autovacuum their dead rows pile
 * up and their statistics are never gathered, so claims read ever more pages and the
 * planner guesses, and a fan-out gets slower with each announcement (docs/performance.md
 * measured webhook rounds falling from 380 to 141 deliveries/s). Herald does not vacuum
 * on its own; the warning says what to do.
 */
final class VacuumCheck {

    /** The tables whose rows each delivery updates. */
    static final List<String> BUSY_TABLES = List.of("notifier.delivery", "notifier.endpoint_bucket",
            "notifier.webhook_attempt");

    private static final Log logger = LogFactory.getLog(VacuumCheck.class);

    private final JdbcClient jdbc;

    VacuumCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfOff() {
        try {
            warning().ifPresent(logger::warn);
        }
        catch (RuntimeException ex) {
            logger.debug("Could not read PostgreSQL's autovacuum settings", ex);
        }
    }

    /** What the operator should know, when the ledger's tables are not vacuumed. */
    Optional<String> warning() {
        List<String> off = new ArrayList<>();
        if (!"on".equals(setting("autovacuum"))) {
            off.add("autovacuum = off");
        }
        if (!"on".equals(setting("track_counts"))) {
            off.add("track_counts = off (autovacuum needs it)");
        }
        for (String table : BUSY_TABLES) {
            boolean disabled = this.jdbc.sql("""
                    SELECT coalesce('autovacuum_enabled=false' = ANY (c.reloptions), false)
                    FROM pg_class c WHERE c.oid = to_regclass(?)""")
                .param(table)
                .query(Boolean.class)
                .optional()
                .orElse(false);
            if (disabled) {
                off.add(table + " has autovacuum_enabled = false");
            }
        }
        if (off.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL will not vacuum the delivery ledger by itself (" + String.join("; ", off)
                + "): its dead rows will pile up and sending will slow down with each announcement. Turn autovacuum"
                + " on, or run VACUUM ANALYZE on " + String.join(", ", BUSY_TABLES)
                + " regularly, e.g. hourly (docs/deployment.md)");
    }

    private String setting(String name) {
        return this.jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }

}
