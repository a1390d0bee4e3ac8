package org.herald.notifier.hold;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The global pause: while it is on, the dispatcher claims no delivery and the digest run
 * creates and claims no digest; what is due waits, and goes on resume. Kept in the
 * database, so it survives a restart and holds every instance.
 */
public class SendingPause {

    private static final Log logger = LogFactory.getLog(SendingPause.class);

    private final JdbcClient jdbc;

    private final Runnable onResume;

    /**
     * @param onResume run after a resume (wakes the dispatcher)
     */
    public SendingPause(JdbcClient jdbc, Runnable onResume) {
        this.jdbc = jdbc;
        this.onResume = onResume;
    }

    public State state() {
        return this.jdbc.sql("SELECT paused, changed_at FROM notifier.sending_state")
            .query((rs, row) -> new State(rs.getBoolean("paused"), rs.getTimestamp("changed_at").toInstant()))
            .single();
    }

    public State pause() {
        set(true);
        logger.warn("Sending paused by staff: nothing is sent until it is resumed");
        return state();
    }

    public State resume() {
        set(false);
        logger.info("Sending resumed by staff");
        this.onResume.run();
        return state();
    }

    private void set(boolean paused) {
        this.jdbc.sql("UPDATE notifier.sending_state SET paused = :paused, changed_at = now() WHERE paused <> :paused")
            .param("paused", paused)
            .update();
    }

    /**
     * @param paused whether sending is paused
     * @param changedAt when it last changed
     */
    public record State(boolean paused, Instant changedAt) {
    }

}
