package org.herald.notifier.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.member.Frequency;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The digests in PostgreSQL. {@link #create} is the claim: it inserts one digest per
 * member with waiting items, unique on (member, frequency, period end) with
 * {@code ON CONFLICT DO NOTHING}, and hands the member's waiting items to it, in one
 * statement. A second run for the same period, on this instance or another, at the same
 * moment or later, inserts nothing and so sends nothing.
 */
final class Digests {

    private static final String RETURNING = """
            RETURNING id, member_id, recipient, frequency, period_end, attempts, claim_token""";

    private final JdbcClient jdbc;

    Digests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the digests of one period: one per member with items waiting for
     * {@code frequency}. They are reserved for this run for {@code reserve}; after that,
     * if this run died, the retry poll sends them.
     * @return the ids of the digests this call created
     */
    List<UUID> create(Frequency frequency, Instant periodEnd, Duration reserve) {
        return this.jdbc
            .sql("""
                    WITH waiting AS (
                        SELECT DISTINCT member_id FROM notifier.digest_item i
                        WHERE frequency = :frequency AND digest_id IS NULL
                          AND NOT EXISTS (SELECT 1 FROM notifier.sending_state WHERE paused)
                          AND NOT EXISTS (SELECT 1 FROM notifier.announcement_hold h
                                          WHERE h.announcement_id = i.announcement_id AND h.state <> 'approved')
                    ), created AS (
                        INSERT INTO notifier.digest (id, member_id, frequency, period_end, recipient, status, next_attempt_at)
                        SELECT gen_random_uuid(), m.id, :frequency, :periodEnd, m.email, 'pending',
                               now() + make_interval(secs => :reserve)
                        FROM waiting w JOIN notifier.member m ON m.id = w.member_id
                        ON CONFLICT (member_id, frequency, period_end) DO NOTHING
                        RETURNING id, member_id
                    ), taken AS (
                        UPDATE notifier.digest_item i SET digest_id = c.id FROM created c
                        WHERE i.member_id = c.member_id AND i.frequency = :frequency AND i.digest_id IS NULL
                          AND NOT EXISTS (SELECT 1 FROM notifier.announcement_hold h
                                          WHERE h.announcement_id = i.announcement_id AND h.state <> 'approved')
                        RETURNING i.digest_id
                    )
                    SELECT id FROM created
                    """)
            .param("frequency", frequency.value())
            .param("periodEnd", Timestamp.from(periodEnd))
            .param("reserve", reserve.toMillis() / 1000.0)
            .query(UUID.class)
            .list();
    }

    /**
     * Claims one pending digest for sending; empty if another dispatcher has it or it is
     * done.
     */
    Optional<ClaimedDigest> claim(UUID id) {
        return this.jdbc.sql("""
                UPDATE notifier.digest SET status = 'sending', claimed_at = now(), claim_token = gen_random_uuid(),
                    attempts = attempts + 1
                WHERE id = :id AND status = 'pending'
                """ + RETURNING).param("id", id).query(Digests::claimed).optional();
    }

    /**
     * Claims up to {@code limit} digests that are due for a retry, or whose claim is
     * older than {@code lease}; one whose claim expired after {@code maxAttempts}
     * attempts fails instead.
     */
    List<ClaimedDigest> claimDue(int limit, Duration lease, int maxAttempts) {
        this.jdbc
            .sql("""
                    UPDATE notifier.digest SET status = 'failed', claim_token = NULL,
                        last_error = 'Gave up after ' || attempts || ' attempts: the last one did not finish within the lease'
                    WHERE status = 'sending' AND attempts >= :max AND claimed_at < now() - make_interval(secs => :lease)
                    """)
            .param("lease", lease.toMillis() / 1000.0)
            .param("max", maxAttempts)
            .update();
        return this.jdbc.sql("""
                UPDATE notifier.digest d
                SET status = 'sending', claimed_at = now(), claim_token = gen_random_uuid(), attempts = d.attempts + 1
                FROM (SELECT id FROM notifier.digest
                      WHERE ((status = 'pending' AND next_attempt_at <= now())
                         OR (status = 'sending' AND claimed_at < now() - make_interval(secs => :lease)
                             AND attempts < :max))
                        AND NOT EXISTS (SELECT 1 FROM notifier.sending_state WHERE paused)
                      ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.member_id, d.recipient, d.frequency, d.period_end, d.attempts, d.claim_token
                """)
            .param("lease", lease.toMillis() / 1000.0)
            .param("max", maxAttempts)
            .param("limit", limit)
            .query(Digests::claimed)
            .list();
    }

    /** The announcements of a digest and the tags each matched. */
    List<Item> items(UUID digestId) {
        return this.jdbc.sql("""
                SELECT announcement_id, matched_tags, event_kind, event_revision FROM notifier.digest_item
                WHERE digest_id = :id ORDER BY created_at, announcement_id, event_kind, event_revision
                """)
            .param("id", digestId)
            .query((row, rowNum) -> new Item(row.getObject("announcement_id", UUID.class),
                    Arrays.asList((String[]) row.getArray("matched_tags").getArray()),
                    EventKind.of(row.getString("event_kind")), row.getInt("event_revision")))
            .list();
    }

    boolean finish(ClaimedDigest claimed, String status, String error) {
        return this.jdbc.sql("""
                UPDATE notifier.digest SET status = :status, last_error = :error, claim_token = NULL,
                    sent_at = CASE WHEN :status = 'sent' THEN now() END
                WHERE id = :id AND status = 'sending' AND claim_token = :token
                """)
            .param("status", status)
            .param("error", error)
            .param("id", claimed.id())
            .param("token", claimed.claimToken())
            .update() == 1;
    }

    boolean scheduleRetry(ClaimedDigest claimed, String error, Duration delay) {
        return this.jdbc.sql("""
                UPDATE notifier.digest SET status = 'pending', last_error = :error, claim_token = NULL,
                    next_attempt_at = now() + make_interval(secs => :delay)
                WHERE id = :id AND status = 'sending' AND claim_token = :token
                """)
            .param("error", error)
            .param("delay", delay.toMillis() / 1000.0)
            .param("id", claimed.id())
            .param("token", claimed.claimToken())
            .update() == 1;
    }

    private static ClaimedDigest claimed(ResultSet row, int rowNum) throws SQLException {
        return new ClaimedDigest(row.getObject("id", UUID.class), row.getObject("member_id", UUID.class),
                row.getString("recipient"), Frequency.of(row.getString("frequency")),
                row.getObject("period_end", OffsetDateTime.class).toInstant(), row.getInt("attempts"),
                row.getObject("claim_token", UUID.class));
    }

    /**
     * A digest claimed for one attempt.
     *
     * @param id the digest
     * @param memberId the member
     * @param recipient their address when the digest was created
     * @param frequency daily or weekly
     * @param periodEnd the end of its period
     * @param attempts attempts made, this one included
     * @param claimToken the claim, which every update after the send names
     */
    record ClaimedDigest(UUID id, UUID memberId, String recipient, Frequency frequency, Instant periodEnd, int attempts,
            UUID claimToken) {
    }

    /**
     * One event about an announcement in a digest.
     *
     * @param announcementId the announcement
     * @param matchedTags its tags that matched
     * @param eventKind published, updated or commented
     * @param eventRevision the event's revision
     */
    record Item(UUID announcementId, List<String> matchedTags, EventKind eventKind, int eventRevision) {
    }

}
