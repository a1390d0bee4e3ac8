package org.herald.notifier.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
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

    private final int maxSubscriptions;

    public Members(JdbcClient jdbc, TransactionOperations transactions, int maxSubscriptions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.maxSubscriptions = maxSubscriptions;
    }

    /**
     * Adds a member with their subscriptions.
     * @throws DuplicateKeyException if a member has that email address already (in any
     * case)
     * @throws TooManySubscriptionsException if they are more than a member may have
     */
    UUID create(String email, String name, String organisation, List<Subscription> subscriptions) {
        checkCount(subscriptions.size());
        UUID id = UUID.randomUUID();
        this.transactions.executeWithoutResult((status) -> {
            this.jdbc
                .sql("""
                        INSERT INTO notifier.member (id, email, name, organisation) VALUES (:id, :email, :name, :organisation)
                        """)
                .param("id", id)
                .param("email", email)
                .param("name", name)
                .param("organisation", organisation)
                .update();
            subscriptions.forEach((subscription) -> insert(id, subscription));
        });
        return id;
    }

    /**
     * Changes a member's details; {@code subscriptions} null leaves theirs as they are,
     * otherwise replaces them. A new address clears a suppression (it was the old address
     * that failed).
     * @return false if there is no such member
     * @throws DuplicateKeyException if another member has that email address
     */
    boolean update(UUID id, String email, String name, String organisation, List<Subscription> subscriptions) {
        if (subscriptions != null) {
            checkCount(subscriptions.size());
        }
        Boolean updated = this.transactions.execute((status) -> {
            int rows = this.jdbc.sql("""
                    UPDATE notifier.member SET email = :email, name = :name, organisation = :organisation,
                        suppressed_at = CASE WHEN lower(email) = lower(:email) THEN suppressed_at END,
                        suppressed_reason = CASE WHEN lower(email) = lower(:email) THEN suppressed_reason END
                    WHERE id = :id
                    """)
                .param("id", id)
                .param("email", email)
                .param("name", name)
                .param("organisation", organisation)
                .update();
            if (rows == 1 && subscriptions != null) {
                replaceSubscriptions(id, subscriptions);
            }
            return rows == 1;
        });
        return Boolean.TRUE.equals(updated);
    }

    /**
     * Replaces all of a member's subscriptions; an empty list ends them all (the member
     * stays).
     */
    public void replaceSubscriptions(UUID memberId, List<Subscription> subscriptions) {
        checkCount(subscriptions.size());
        this.transactions.executeWithoutResult((status) -> {
            this.jdbc.sql("DELETE FROM notifier.subscription WHERE member_id = :id").param("id", memberId).update();
            subscriptions.forEach((subscription) -> insert(memberId, subscription));
        });
    }

    /**
     * Ends every subscription of a member; the member stays, with none. Answers how many
     * ended.
     */
    public int unsubscribeAll(UUID memberId) {
        return this.jdbc.sql("DELETE FROM notifier.subscription WHERE member_id = :id").param("id", memberId).update();
    }

    /**
     * Removes a member with their subscriptions and waiting digest items; the ledger
     * keeps its history.
     */
    public boolean delete(UUID id) {
        return this.jdbc.sql("DELETE FROM notifier.member WHERE id = :id").param("id", id).update() == 1;
    }

    /**
     * Adds a subscription to a member's.
     * @throws TooManySubscriptionsException if the member has as many as they may
     */
    void addSubscription(UUID memberId, Subscription subscription) {
        this.transactions.executeWithoutResult((status) -> {
            // The member's row locked, so two additions at once cannot both pass the cap.
            this.jdbc.sql("SELECT id FROM notifier.member WHERE id = :id FOR UPDATE")
                .param("id", memberId)
                .query(UUID.class)
                .optional();
            long count = this.jdbc.sql("SELECT count(*) FROM notifier.subscription WHERE member_id = :id")
                .param("id", memberId)
                .query(Long.class)
                .single();
            checkCount(count + 1);
            insert(memberId, subscription);
        });
    }

    private void checkCount(long subscriptions) {
        if (subscriptions > this.maxSubscriptions) {
            throw new TooManySubscriptionsException(this.maxSubscriptions);
        }
    }

    boolean updateSubscription(UUID memberId, Subscription subscription) {
        return this.jdbc.sql("""
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

    boolean deleteSubscription(UUID memberId, UUID subscriptionId) {
        return this.jdbc.sql("DELETE FROM notifier.subscription WHERE id = :id AND member_id = :member")
            .param("id", subscriptionId)
            .param("member", memberId)
            .update() == 1;
    }

    private void insert(UUID memberId, Subscription subscription) {
        this.jdbc.sql("""
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

    public Optional<Member> find(UUID id) {
        List<Subscription> subscriptions = this.jdbc
            .sql("SELECT * FROM notifier.subscription WHERE member_id = :id ORDER BY position")
            .param("id", id)
            .query(Members::subscription)
            .list();
        return this.jdbc.sql("SELECT * FROM notifier.member WHERE id = :id")
            .param("id", id)
            .query((row, rowNum) -> member(row, subscriptions))
            .optional();
    }

    static Member member(ResultSet row, List<Subscription> subscriptions) throws SQLException {
        return new Member(row.getObject("id", UUID.class), row.getString("email"), row.getString("name"),
                row.getString("organisation"), subscriptions, instant(row, "created_at"), instant(row, "suppressed_at"),
                row.getString("suppressed_reason"));
    }

    static Subscription subscription(ResultSet row, int rowNum) throws SQLException {
        return new Subscription(row.getObject("id", UUID.class),
                Arrays.asList((String[]) row.getArray("tags").getArray()), row.getString("match_mode"),
                row.getInt("min_relevance"), Frequency.of(row.getString("frequency")),
                row.getBoolean("include_implied"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

}
