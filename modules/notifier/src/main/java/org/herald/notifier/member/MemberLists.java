package org.herald.notifier.member;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.herald.support.web.KeysetCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The members as the admin API lists and finds them: a page at a time, by keyset, and by
 * address.
 */
final class MemberLists {

    private final JdbcClient jdbc;

    private final Members members;

    MemberLists(JdbcClient jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    /**
     * One page of members, oldest first, with their subscriptions: up to {@code limit}
     * after {@code after} (from the start if null).
     */
    Page page(@Nullable KeysetCursor after, int limit) {
        String where = (after != null) ? "WHERE (created_at, id) > (:afterAt, :afterId) " : "";
        var query = this.jdbc.sql("SELECT * FROM notifier.member " + where + "ORDER BY created_at, id LIMIT :limit")
            .param("limit", limit + 1);
        if (after != null) {
            query = query.param("afterAt", OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                .param("afterId", after.id());
        }
        List<Member> rows = query.query((row, rowNum) -> Members.member(row, List.of())).list();
        KeysetCursor next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Member last = rows.get(limit - 1);
            next = new KeysetCursor(last.createdAt(), last.id());
        }
        return new Page(withSubscriptions(rows), next);
    }

    /** The member with {@code email} (in any case), if there is one. */
    Optional<Member> findByEmail(String email) {
        return this.jdbc.sql("SELECT id FROM notifier.member WHERE lower(email) = lower(:email)")
            .param("email", email.strip())
            .query(UUID.class)
            .optional()
            .flatMap(this.members::find);
    }

    private List<Member> withSubscriptions(List<Member> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Subscription>> subscriptions = new LinkedHashMap<>();
        rows.forEach((member) -> subscriptions.put(member.id(), new ArrayList<>()));
        this.jdbc
            .sql("SELECT * FROM notifier.subscription WHERE member_id = ANY(CAST(:ids AS uuid[])) ORDER BY position")
            .param("ids", subscriptions.keySet().toArray(new UUID[0]))
            .query((row, rowNum) -> {
                subscriptions.get(row.getObject("member_id", UUID.class)).add(Members.subscription(row, rowNum));
                return null;
            })
            .list();
        return rows.stream()
            .map((member) -> new Member(member.id(), member.email(), member.name(), member.organisation(),
                    subscriptions.get(member.id()), member.createdAt(), member.suppressedAt(),
                    member.suppressedReason(), member.consent()))
            .toList();
    }

    /**
     * One page of members.
     *
     * @param members the members on the page
     * @param next where the next page starts; null on the last
     */
    record Page(List<Member> members, @Nullable KeysetCursor next) {
    }

}
