package org.herald.bench.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The audience of the pipeline and latency scenarios: one member subscribed to the MoU's
 * tag, so each announcement yields one email, and (for latency) one partner endpoint on
 * the receiver, so it also yields one webhook. Removed afterwards, so the other
 * scenarios' counts are theirs alone.
 */
final class FanOutOne implements AutoCloseable {

    private final Stack stack;

    private final UUID member = UUID.randomUUID();

    private @Nullable UUID partner;

    private FanOutOne(Stack stack) {
        this.stack = stack;
    }

    static FanOutOne seed(Stack stack) throws SQLException {
        FanOutOne audience = new FanOutOne(stack);
        audience.update("INSERT INTO notifier.member (id, email, name) VALUES (?, 'solo@bench.herald', 'Solo')",
                audience.member);
        audience.update("""
                INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency)
                VALUES (gen_random_uuid(), ?, ARRAY['%s'], 'any', 0, 'immediate')""".formatted(Members.TAG),
                audience.member);
        return audience;
    }

    /** Adds the partner endpoint (once). */
    void withPartner(Publisher publisher) {
        if (this.partner == null) {
            this.partner = publisher.partner("bench-solo", this.stack.receiver("/hook/solo").toString(), Members.TAG,
                    WebhookScenario.RATE_LIMIT);
        }
    }

    @Override
    public void close() throws SQLException {
        update("DELETE FROM notifier.subscription WHERE member_id = ?", this.member);
        if (this.partner != null) {
            update("UPDATE notifier.partner SET enabled = false, disabled_reason = 'bench: done' WHERE id = ?",
                    this.partner);
        }
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection connection = this.stack.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

}
