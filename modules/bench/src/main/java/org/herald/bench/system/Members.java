package org.herald.bench.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The members of the email fan-out, seeded by SQL ({@code member<N>@bench.example}, each
 * with one {@code critical-minerals} subscription); scenarios that need them share them.
 */
final class Members {

    static final String TAG = "critical-minerals";

    private Members() {
    }

    /** Seeds members until {@code members} exist; answers how many it added. */
    static int ensure(Stack stack, int members) throws SQLException {
        try (Connection connection = stack.connect(); Statement statement = connection.createStatement()) {
            int existing;
            try (ResultSet row = statement
                .executeQuery("SELECT count(*) FROM notifier.member WHERE email LIKE '%@bench.example'")) {
                row.next();
                existing = row.getInt(1);
            }
            if (existing >= members) {
                return 0;
            }
            statement.execute("""
                    WITH added AS (
                        INSERT INTO notifier.member (id, email, name)
                        SELECT gen_random_uuid(), 'member' || g || '@bench.example', 'Member ' || g
                        FROM generate_series(%d, %d) g
                        RETURNING id)
                    INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency)
                    SELECT gen_random_uuid(), id, ARRAY['%s'], 'any', 0, 'immediate' FROM added"""
                .formatted(existing + 1, members, TAG));
            statement.execute("ANALYZE notifier.member");
            statement.execute("ANALYZE notifier.subscription");
            return members - existing;
        }
    }

}
