package org.herald.notifier.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.events.AnnouncementTagged;
import org.herald.notifier.member.Member;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When a member unsubscribes or changes what they follow, stops what was queued for what
 * they left, in the transaction of the change: their pending email deliveries (retries
 * included) that none of their subscriptions matches any more are marked
 * {@code suppressed} with the reason {@value #REASON}, and such digest items, waiting or
 * in a digest not yet sent, are dropped; a digest left with nothing is suppressed too.
 * What they still follow stays queued, a follow-up of a story they follow included: the
 * rule of
 * {@link Member#wants(AnnouncementTagged, boolean, java.util.function.BooleanSupplier)},
 * which the send applies too, with whether they follow the story read here for all their
 * queued emails in one query.
 */
final class Withdrawal {

    /** The reason recorded on what is stopped. */
    static final String REASON = "unsubscribed";

    private static final Log logger = LogFactory.getLog(Withdrawal.class);

    private final JdbcClient jdbc;

    private final JsonMapper json;

    Withdrawal(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void subscriptionsChanged(Member member) {
        List<Queued> deliveries = this.jdbc.sql("""
                SELECT d.id, a.payload,
                       cardinality(d.matched_tags) = 0 AND EXISTS (SELECT 1 FROM notifier.story_follower f
                           WHERE f.member_id = d.recipient_id AND f.announcement_id = d.announcement_id) AS followed
                FROM notifier.delivery d JOIN notifier.announcement a ON a.id = d.announcement_id
                WHERE d.channel = 'email' AND d.recipient_id = :member AND d.status = 'pending'
                FOR UPDATE OF d
                """)
            .param("member", member.id())
            .query((row, rowNum) -> new Queued(row.getObject("id", UUID.class), row.getString("payload"),
                    row.getBoolean("followed")))
            .list();
        UUID[] stopped = unwanted(member, deliveries);
        int suppressed = (stopped.length == 0) ? 0 : this.jdbc.sql("""
                UPDATE notifier.delivery SET status = 'suppressed', last_error = :reason, claim_token = NULL
                WHERE id = ANY(:ids) AND status = 'pending'
                """).param("reason", REASON).param("ids", stopped).update();
        List<Queued> items = this.jdbc.sql("""
                SELECT i.announcement_id AS id, a.payload FROM notifier.digest_item i
                JOIN notifier.announcement a ON a.id = i.announcement_id
                LEFT JOIN notifier.digest g ON g.id = i.digest_id
                WHERE i.member_id = :member AND (i.digest_id IS NULL OR g.status = 'pending')
                FOR UPDATE OF i
                """)
            .param("member", member.id())
            .query((row, rowNum) -> new Queued(row.getObject("id", UUID.class), row.getString("payload"), false))
            .list();
        UUID[] dropped = unwanted(member, items);
        int removed = (dropped.length == 0) ? 0
                : this.jdbc
                    .sql("""
                            DELETE FROM notifier.digest_item i
                            WHERE i.member_id = :member AND i.announcement_id = ANY(:ids)
                              AND (i.digest_id IS NULL
                                   OR i.digest_id IN (SELECT id FROM notifier.digest WHERE member_id = :member AND status = 'pending'))
                            """)
                    .param("member", member.id())
                    .param("ids", dropped)
                    .update();
        this.jdbc.sql("""
                UPDATE notifier.digest g SET status = 'suppressed', last_error = :reason, claim_token = NULL
                WHERE g.member_id = :member AND g.status = 'pending'
                  AND NOT EXISTS (SELECT 1 FROM notifier.digest_item i WHERE i.digest_id = g.id)
                """).param("reason", REASON).param("member", member.id()).update();
        if (suppressed > 0 || removed > 0) {
            logger.info("Member " + member.id() + " left subscriptions: " + suppressed
                    + " pending email(s) suppressed, " + removed + " digest item(s) dropped");
        }
    }

    private UUID[] unwanted(Member member, List<Queued> queued) {
        List<UUID> unwanted = new ArrayList<>();
        for (Queued one : queued) {
            if (one.followedStory()) {
                continue;
            }
            AnnouncementTagged announcement = member.subscriptions().isEmpty() ? null : announcement(one.payload());
            if (announcement == null || !member.wants(announcement)) {
                unwanted.add(one.id());
            }
        }
        return unwanted.toArray(new UUID[0]);
    }

    /**
     * The stored announcement; null if it cannot be read (then nothing of it is sent).
     */
    private @Nullable AnnouncementTagged announcement(String payload) {
        try {
            return this.json.readValue(payload, AnnouncementTagged.class);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * Something queued for the member.
     *
     * @param id the delivery or the digest item's announcement
     * @param payload the stored announcement
     * @param followedStory a follow-up queued because the member follows its story (no
     * tag matched), which they still follow: kept whatever their subscriptions, as the
     * send-time check keeps it; unsubscribing from everything ends the story first
     */
    private record Queued(UUID id, String payload, boolean followedStory) {
    }

}
