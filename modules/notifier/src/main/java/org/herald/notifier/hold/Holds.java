package org.herald.notifier.hold;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Held fan-outs. Intake calls {@link #consider} in its own transaction, after it has
 * recorded the deliveries and digest items, so that nothing of a held announcement is
 * ever claimable; staff then {@link #approve} or {@link #cancel} it. Deciding is kept in
 * the database, so it survives a restart; taking the same announcement in again keeps the
 * decision.
 */
public class Holds {

    private static final Log logger = LogFactory.getLog(Holds.class);

    private final JdbcClient jdbc;

    private final HoldProperties properties;

    public Holds(JdbcClient jdbc, HoldProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Holds the fan-out of announcement {@code id} when it meets a threshold. Call it in
     * the intake's transaction, after the deliveries and digest items are recorded.
     * @return whether it is held
     */
    public boolean consider(UUID id, int relevance) {
        if (!this.properties.enabled()) {
            return false;
        }
        int held = this.jdbc
            .sql("""
                    INSERT INTO notifier.announcement_hold (announcement_id, state, reason, recipients)
                    SELECT :id, 'held',
                           CASE WHEN :min > 0 AND c.n >= :min THEN c.n || ' recipients (the hold is from ' || :min || ')'
                                ELSE 'relevance ' || :relevance || ' (the hold is below ' || :below || ')' END,
                           c.n
                    FROM (SELECT (SELECT count(*) FROM notifier.delivery WHERE announcement_id = :id AND status = 'pending')
                               + (SELECT count(*) FROM notifier.digest_item WHERE announcement_id = :id AND digest_id IS NULL)
                                 AS n) c
                    WHERE c.n > 0 AND ((:min > 0 AND c.n >= :min) OR :relevance < :below)
                    ON CONFLICT (announcement_id) DO NOTHING
                    """)
            .param("id", id)
            .param("min", this.properties.minRecipients())
            .param("below", this.properties.belowRelevance())
            .param("relevance", relevance)
            .update();
        if (held > 0) {
            logger.info("Announcement " + id + " is held for staff: approve or cancel it in the console or with POST "
                    + "/api/v1/announcements/" + id + "/approve|cancel");
        }
        return held > 0;
    }

    /** Lets a held fan-out go; false when it is not held. */
    public boolean approve(UUID id) {
        return decide(id, "approved");
    }

    /**
     * Cancels a held fan-out: its pending deliveries are marked suppressed and its digest
     * items never go; false when it is not held.
     */
    public boolean cancel(UUID id) {
        boolean cancelled = decide(id, "cancelled");
        if (cancelled) {
            this.jdbc.sql("""
                    UPDATE notifier.delivery SET status = 'suppressed', last_error = 'cancelled by staff before sending'
                    WHERE announcement_id = :id AND status = 'pending'
                    """).param("id", id).update();
        }
        return cancelled;
    }

    private boolean decide(UUID id, String state) {
        boolean decided = this.jdbc.sql("""
                UPDATE notifier.announcement_hold SET state = :state, decided_at = now()
                WHERE announcement_id = :id AND state = 'held'
                """).param("id", id).param("state", state).update() > 0;
        if (decided) {
            logger.info("Announcement " + id + "'s fan-out " + state + " by staff");
        }
        return decided;
    }

    /** The hold of announcement {@code id}, if it was ever held. */
    public Optional<Hold> find(UUID id) {
        return this.jdbc.sql("""
                SELECT announcement_id, state, reason, recipients, held_at, decided_at
                FROM notifier.announcement_hold WHERE announcement_id = :id
                """).param("id", id).query(Holds::hold).optional();
    }

    /** The fan-outs waiting for staff, oldest first. */
    public List<Hold> waiting() {
        return this.jdbc.sql("""
                SELECT announcement_id, state, reason, recipients, held_at, decided_at
                FROM notifier.announcement_hold WHERE state = 'held' ORDER BY held_at
                """).query(Holds::hold).list();
    }

    private static Hold hold(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Hold(rs.getObject("announcement_id", UUID.class), rs.getString("state"), rs.getString("reason"),
                rs.getInt("recipients"), rs.getTimestamp("held_at").toInstant(),
                (decided != null) ? decided.toInstant() : null);
    }

    /**
     * An announcement's hold.
     *
     * @param announcementId the announcement
     * @param state {@code held}, {@code approved} or {@code cancelled}
     * @param reason which threshold it met
     * @param recipients how many deliveries and digest items it had when held
     * @param heldAt when
     * @param decidedAt when staff decided; null while held
     */
    public record Hold(UUID announcementId, String state, String reason, int recipients, Instant heldAt,
            @Nullable Instant decidedAt) {

        public boolean isHeld() {
            return "held".equals(this.state);
        }

    }

}
