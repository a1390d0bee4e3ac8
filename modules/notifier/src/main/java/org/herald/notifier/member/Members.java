package org.herald.notifier.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The members and their subscriptions, in PostgreSQL. Every change that ends
 * subscriptions, and every deletion, tells the {@link MemberChanges} in its own
 * transaction, so that what was queued for the member follows in the same commit.
 */
public class Members {

    private final JdbcClient jdbc;

    private final TransactionOperations transactions;

    private final int maxSubscriptions;

    private final Supplier<List<MemberChanges>> changes;

    public Members(JdbcClient jdbc, TransactionOperations transactions, int maxSubscriptions,
            Supplier<List<MemberChanges>> changes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.maxSubscriptions = maxSubscriptions;
        this.changes = changes;
    }

    /**
     * Adds a member with their subscriptions.
     * @throws DuplicateKeyException if a member has that email address already (in any
     * case)
     * @throws TooManySubscriptionsException if they are more than a member may have
     */
    UUID create(String email, String name, String organisation, List<Subscription> subscriptions, Consent consent) {
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
            MemberRows.recordConsent(this.jdbc, id, consent);
            subscriptions.forEach((subscription) -> MemberRows.insertSubscription(this.jdbc, id, subscription));
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
    boolean update(UUID id, String email, String name, String organisation, @Nullable List<Subscription> subscriptions,
            @Nullable Consent consent) {
        if (subscriptions != null) {
            checkCount(subscriptions.size());
        }
        Boolean updated = this.transactions.execute((status) -> {
            if (consent != null) {
                MemberRows.recordConsent(this.jdbc, id, consent);
            }
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
     * stays). What was queued for what they no longer follow is dropped in the same
     * transaction.
     */
    public void replaceSubscriptions(UUID memberId, List<Subscription> subscriptions) {
        checkCount(subscriptions.size());
        this.transactions.executeWithoutResult((status) -> {
            this.jdbc.sql("DELETE FROM notifier.subscription WHERE member_id = :id").param("id", memberId).update();
            subscriptions.forEach((subscription) -> MemberRows.insertSubscription(this.jdbc, memberId, subscription));
            changed(memberId);
        });
    }

    /**
     * Ends every subscription of a member, and every story they follow; the member stays,
     * with none, and nothing queued for them is sent. Answers how many subscriptions
     * ended.
     */
    public int unsubscribeAll(UUID memberId) {
        Integer ended = this.transactions.execute((status) -> {
            int rows = this.jdbc.sql("""
                    WITH stories AS (DELETE FROM notifier.story_follower WHERE member_id = :id)
                    DELETE FROM notifier.subscription WHERE member_id = :id
                    """).param("id", memberId).update();
            changed(memberId);
            return rows;
        });
        return (ended != null) ? ended : 0;
    }

    /**
     * Erases a member: first every row elsewhere that names them is removed or anonymised
     * ({@link MemberChanges#erasing}), then the member with their subscriptions, digests
     * and digest items, all in one transaction.
     */
    public boolean delete(UUID id) {
        Boolean deleted = this.transactions.execute((status) -> {
            Optional<String> email = this.jdbc.sql("SELECT email FROM notifier.member WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional();
            if (email.isEmpty()) {
                return false;
            }
            this.changes.get().forEach((listener) -> listener.erasing(id, email.get()));
            return this.jdbc.sql("DELETE FROM notifier.member WHERE id = :id").param("id", id).update() == 1;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private void changed(UUID memberId) {
        List<MemberChanges> listeners = this.changes.get();
        if (!listeners.isEmpty()) {
            find(memberId)
                .ifPresent((member) -> listeners.forEach((listener) -> listener.subscriptionsChanged(member)));
        }
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
            MemberRows.insertSubscription(this.jdbc, memberId, subscription);
            changed(memberId);
        });
    }

    private void checkCount(long subscriptions) {
        if (subscriptions > this.maxSubscriptions) {
            throw new TooManySubscriptionsException(this.maxSubscriptions);
        }
    }

    boolean updateSubscription(UUID memberId, Subscription subscription) {
        Boolean updated = this.transactions.execute((status) -> {
            boolean found = MemberRows.updateSubscription(this.jdbc, memberId, subscription);
            if (found) {
                changed(memberId);
            }
            return found;
        });
        return Boolean.TRUE.equals(updated);
    }

    boolean deleteSubscription(UUID memberId, UUID subscriptionId) {
        Boolean deleted = this.transactions.execute((status) -> {
            boolean found = this.jdbc.sql("DELETE FROM notifier.subscription WHERE id = :id AND member_id = :member")
                .param("id", subscriptionId)
                .param("member", memberId)
                .update() == 1;
            if (found) {
                changed(memberId);
            }
            return found;
        });
        return Boolean.TRUE.equals(deleted);
    }

    public Optional<Member> find(UUID id) {
        List<Subscription> subscriptions = this.jdbc
            .sql("SELECT * FROM notifier.subscription WHERE member_id = :id ORDER BY position")
            .param("id", id)
            .query(MemberRows::subscription)
            .list();
        return this.jdbc.sql("SELECT * FROM notifier.member WHERE id = :id")
            .param("id", id)
            .query((row, rowNum) -> MemberRows.member(row, subscriptions))
            .optional();
    }

    /**
     * The members of {@code ids} that exist, with their subscriptions, by id: two queries
     * however many (the members of a claim read at once).
     */
    public Map<UUID, Member> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] array = ids.stream().distinct().toArray(UUID[]::new);
        Map<UUID, List<Subscription>> subscriptions = new HashMap<>();
        this.jdbc.sql("SELECT * FROM notifier.subscription WHERE member_id = ANY(:ids) ORDER BY member_id, position")
            .param("ids", array)
            .query((ResultSet row) -> {
                subscriptions.computeIfAbsent(row.getObject("member_id", UUID.class), (id) -> new ArrayList<>())
                    .add(MemberRows.subscription(row, 0));
            });
        Map<UUID, Member> members = new HashMap<>();
        this.jdbc.sql("SELECT * FROM notifier.member WHERE id = ANY(:ids)")
            .param("ids", array)
            .query((ResultSet row) -> {
                UUID id = row.getObject("id", UUID.class);
                members.put(id, MemberRows.member(row, subscriptions.getOrDefault(id, List.of())));
            });
        return members;
    }

    static Member member(ResultSet row, List<Subscription> subscriptions) throws SQLException {
        return MemberRows.member(row, subscriptions);
    }

    static Subscription subscription(ResultSet row, int rowNum) throws SQLException {
        return MemberRows.subscription(row, rowNum);
    }

    /**
     * The subscriptions that name at least one of {@code tags} and ask for no more than
     * {@code relevance}: every subscription that may match an announcement with those
     * tags (implied ones included) and relevance.
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
                    row.getString("email"), MemberRows.subscription(row, rowNum)))
            .list();
    }

}
