package org.herald.notifier.member;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members' addresses that will take no more email: suppressed after a permanent failure
 * (the member's server refused the address), until an admin clears them.
 */
public class Suppressions {

    private final JdbcClient jdbc;

    public Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Suppresses a member's address after a permanent failure: no email goes to it until
     * it is cleared.
     */
    public void suppress(UUID id, String reason) {
        this.jdbc.sql("""
                UPDATE notifier.member SET suppressed_at = now(), suppressed_reason = :reason
                WHERE id = :id AND suppressed_at IS NULL
                """).param("id", id).param("reason", reason).update();
    }

    /** Clears a suppression; false if there is no such member. */
    public boolean clear(UUID id) {
        return this.jdbc.sql("UPDATE notifier.member SET suppressed_at = NULL, suppressed_reason = NULL WHERE id = :id")
            .param("id", id)
            .update() == 1;
    }

}
