package org.herald.notifier.matching;

import java.util.List;
import java.util.Locale;

import org.herald.events.AnnouncementTagged;
import org.herald.events.TagMatch;
import org.herald.notifier.delivery.EventKind;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records, in one SQL statement and without reading a single subscription into memory,
 * what an announcement means for the members: one email delivery for each member the most
 * frequent of whose matching subscriptions is immediate, and one digest item for each of
 * the others (daily before weekly). The rows are written by {@code INSERT … SELECT} from
 * the subscriptions that match, so a fan-out to a hundred thousand members costs the
 * database a statement, and the notifier nothing.
 * <p>
 * A subscription matches as {@link Interest} says: its tags (lower case) against the
 * announcement's, any or all, the least relevance, implied tags only when it counts them.
 * A member's matched tags are the union of those of their matching subscriptions, in the
 * announcement's order. Rows already recorded (the announcement taken in again) are left
 * as they are ({@code ON CONFLICT DO NOTHING}, whatever the unique key). The inserts name
 * their columns, so a column with a default needs no change here.
 */
final class MemberFanOut {

    private static final String SQL = """
            WITH tag AS (
                SELECT t.name, lower(t.name) AS key, t.implied, t.ord
                FROM unnest(CAST(:names AS text[]), CAST(:implied AS boolean[])) WITH ORDINALITY AS t(name, implied, ord)
            ),
            matching AS (
                SELECT s.member_id, s.tags, s.include_implied,
                       CASE s.frequency WHEN 'immediate' THEN 0 WHEN 'daily' THEN 1 ELSE 2 END AS rank
                FROM notifier.subscription s
                WHERE s.tags && CAST(:keys AS text[]) AND s.min_relevance <= :relevance
                  AND CASE WHEN s.match_mode = 'all'
                           THEN s.tags <@ CASE WHEN s.include_implied THEN CAST(:keys AS text[])
                                               ELSE CAST(:direct AS text[]) END
                           ELSE s.tags && CASE WHEN s.include_implied THEN CAST(:keys AS text[])
                                               ELSE CAST(:direct AS text[]) END
                      END
            ),
            member_rank AS (
                SELECT member_id, min(rank) AS rank FROM matching GROUP BY member_id
            ),
            member_tags AS (
                SELECT member_id, array_agg(name ORDER BY ord) AS tags
                FROM (SELECT DISTINCT m.member_id, t.name, t.ord
                      FROM matching m JOIN tag t ON t.key = ANY (m.tags) AND (m.include_implied OR NOT t.implied)) matched
                GROUP BY member_id
            ),
            member_match AS (
                SELECT r.member_id, mb.email, r.rank, mt.tags
                FROM member_rank r
                JOIN member_tags mt ON mt.member_id = r.member_id
                JOIN notifier.member mb ON mb.id = r.member_id
            ),
            emails AS (
                INSERT INTO notifier.delivery (id, announcement_id, channel, recipient_id, recipient, matched_tags,
                        status, attempts, next_attempt_at, event_kind, event_revision)
                SELECT gen_random_uuid(), :announcement, 'email', member_id, email, tags,
                       'pending', 0, now() + make_interval(secs => :firstDelay), :kind, :revision
                FROM member_match WHERE rank = 0
                ON CONFLICT DO NOTHING
                RETURNING 1
            ),
            digest_items AS (
                INSERT INTO notifier.digest_item (member_id, announcement_id, frequency, matched_tags, event_kind,
                        event_revision)
                SELECT member_id, :announcement, CASE rank WHEN 1 THEN 'daily' ELSE 'weekly' END, tags, :kind, :revision
                FROM member_match WHERE rank > 0
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM emails) AS emails, (SELECT count(*) FROM digest_items) AS digest_items
            """;

    private final JdbcClient jdbc;

    MemberFanOut(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the email deliveries and digest items of {@code announcement}, the email
     * deliveries due after {@code firstDelaySeconds}, all of event {@code kind} and
     * {@code revision}.
     */
    Recorded record(AnnouncementTagged announcement, EventKind kind, int revision, double firstDelaySeconds) {
        List<TagMatch> tags = announcement.tags();
        if (tags.isEmpty()) {
            return new Recorded(0, 0);
        }
        String[] names = tags.stream().map(TagMatch::tag).toArray(String[]::new);
        Boolean[] implied = tags.stream().map(TagMatch::implied).toArray(Boolean[]::new);
        String[] keys = tags.stream()
            .map((tag) -> tag.tag().toLowerCase(Locale.ROOT))
            .distinct()
            .toArray(String[]::new);
        String[] direct = tags.stream()
            .filter((tag) -> !tag.implied())
            .map((tag) -> tag.tag().toLowerCase(Locale.ROOT))
            .distinct()
            .toArray(String[]::new);
        return this.jdbc.sql(SQL)
            .param("names", names)
            .param("implied", implied)
            .param("keys", keys)
            .param("direct", direct)
            .param("relevance", announcement.relevance())
            .param("announcement", announcement.id())
            .param("firstDelay", firstDelaySeconds)
            .param("kind", kind.value())
            .param("revision", revision)
            .query((row, rowNum) -> new Recorded(row.getInt("emails"), row.getInt("digest_items")))
            .single();
    }

    /**
     * What a fan-out wrote.
     *
     * @param emails new email deliveries
     * @param digestItems new digest items
     */
    record Recorded(int emails, int digestItems) {
    }

}
