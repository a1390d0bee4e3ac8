package org.herald.notifier.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The members and their subscriptions, in PostgreSQL.
 */
public class Members {

    private final JdbcClient jdbc;

    private final TransactionOperations transactions;

    public Members(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Adds a member with their subscriptions.
     * @throws DuplicateKeyException if a member has that email address already (in any case)
     */
    UUID create(String email, String name, String organisation, List<Subscription> subscriptions) {
        UUID id = UUID.randomUUID();
        this.transactions.executeWithoutResult((status) -> {
            this.jdbc.sql("""
                    INSERT INTO notifier.member (id, email, name, organisation) VALUES (:id, :email, :name, :organisation)
                    """)
                .param("id", id)
                .param("email", email)
                .param("name", name)
                .param("organisation", organisation)
                .update();
            for (Subscription subscription : subscriptions) {
                this.jdbc.sql("""
                        INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency)
                        VALUES (:id, :member, CAST(:tags AS text[]), :match, :minRelevance, :frequency)
                        """)
                    .param("id", subscription.id())
                    .param("member", id)
                    .param("tags", subscription.tags().toArray(new String[0]))
                    .param("match", subscription.match())
                    .param("minRelevance", subscription.minRelevance())
                    .param("frequency", subscription.frequency().value())
                    .update();
            }
        });
        return id;
    }

    public Optional<Member> find(UUID id) {
        List<Subscription> subscriptions = this.jdbc
            .sql("SELECT * FROM notifier.subscription WHERE member_id = :id ORDER BY position")
            .param("id", id)
            .query(Members::subscription)
            .list();
        return this.jdbc.sql("SELECT * FROM notifier.member WHERE id = :id")
            .param("id", id)
            .query((row, rowNum) -> new Member(row.getObject("id", UUID.class), row.getString("email"),
                    row.getString("name"), row.getString("organisation"), subscriptions,
                    instant(row, "created_at")))
            .optional();
    }

    /**
     * The subscriptions that name at least one of {@code tags} and ask for no more than {@code relevance}:
     * every subscription that may match an announcement with those tags and relevance.
     */
    public List<SubscriberInterest> interestedInAny(Collection<String> tags, int relevance) {
        if (tags.isEmpty()) {
            return List.of();
        }
        return this.jdbc.sql("""
                SELECT s.*, m.email FROM notifier.subscription s JOIN notifier.member m ON m.id = s.member_id
                WHERE s.tags && CAST(:tags AS text[]) AND s.min_relevance <= :relevance
                ORDER BY s.member_id, s.id
                """)
            .param("tags", tags.toArray(new String[0]))
            .param("relevance", relevance)
            .query((row, rowNum) -> new SubscriberInterest(row.getObject("member_id", UUID.class),
                    row.getString("email"), subscription(row, rowNum)))
            .list();
    }

    private static Subscription subscription(ResultSet row, int rowNum) throws SQLException {
        return new Subscription(row.getObject("id", UUID.class),
                Arrays.asList((String[]) row.getArray("tags").getArray()), row.getString("match_mode"),
                row.getInt("min_relevance"), Frequency.of(row.getString("frequency")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

}
