package org.herald.notifier.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How {@link Members}' rows read and are written: members with their consent,
 * subscriptions.
 */
final class MemberRows {

    private MemberRows() {
    }

    static Member member(ResultSet row, List<Subscription> subscriptions) throws SQLException {
        return new Member(row.getObject("id", UUID.class), row.getString("email"), row.getString("name"),
                row.getString("organisation"), subscriptions, instant(row, "created_at"), instant(row, "suppressed_at"),
                row.getString("suppressed_reason"), consent(row));
    }

    static Subscription subscription(ResultSet row, int rowNum) throws SQLException {
        return new Subscription(row.getObject("id", UUID.class),
                Arrays.asList((String[]) row.getArray("tags").getArray()), row.getString("match_mode"),
                row.getInt("min_relevance"), Frequency.of(row.getString("frequency")),
                row.getBoolean("include_implied"));
    }

    static void recordConsent(JdbcClient jdbc, UUID memberId, Consent consent) {
        jdbc.sql("""
                UPDATE notifier.member SET consent_at = :at, consent_method = :method, consent_wording = :wording
                WHERE id = :id
                """)
            .param("at", OffsetDateTime.ofInstant(consent.givenAt(), ZoneOffset.UTC))
            .param("method", consent.method())
            .param("wording", consent.wordingVersion())
            .param("id", memberId)
            .update();
    }

    static void insertSubscription(JdbcClient jdbc, UUID memberId, Subscription subscription) {
        jdbc.sql("""
                INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency,
                    include_implied)
                VALUES (:id, :member, CAST(:tags AS text[]), :match, :minRelevance, :frequency, :includeImplied)
                """)
            .param("id", subscription.id())
            .param("member", memberId)
            .param("tags", subscription.tags().toArray(new String[0]))
            .param("match", subscription.match())
            .param("minRelevance", subscription.minRelevance())
            .param("frequency", subscription.frequency().value())
            .param("includeImplied", subscription.includeImplied())
            .update();
    }

    static boolean updateSubscription(JdbcClient jdbc, UUID memberId, Subscription subscription) {
        return jdbc.sql("""
                UPDATE notifier.subscription SET tags = CAST(:tags AS text[]), match_mode = :match,
                    min_relevance = :minRelevance, frequency = :frequency, include_implied = :includeImplied
                WHERE id = :id AND member_id = :member
                """)
            .param("tags", subscription.tags().toArray(new String[0]))
            .param("match", subscription.match())
            .param("minRelevance", subscription.minRelevance())
            .param("frequency", subscription.frequency().value())
            .param("includeImplied", subscription.includeImplied())
            .param("id", subscription.id())
            .param("member", memberId)
            .update() == 1;
    }

    private static @Nullable Consent consent(ResultSet row) throws SQLException {
        Instant at = instant(row, "consent_at");
        String method = row.getString("consent_method");
        return (at != null && method != null) ? new Consent(at, method, row.getString("consent_wording")) : null;
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

}
