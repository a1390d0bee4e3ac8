package org.herald.notifier;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention job (issue 14), on a schedule of every second here: finished deliveries
 * older than {@code herald.notifier.retention.deliveries}, webhook attempts older than
 * {@code webhook-attempts} and finished digests older than {@code digests} go (a digest's
 * items with it, never back to waiting); newer rows, and unfinished ones of any age,
 * stay. Ages are set by SQL.
 */
@NotifierTest
@TestPropertySource(
        properties = { "herald.notifier.retention.cron=* * * * * *", "herald.notifier.retention.deliveries=90d",
                "herald.notifier.retention.webhook-attempts=30d", "herald.notifier.retention.digests=60d" })
class RetentionTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void prunesRowsOlderThanTheirPeriodsAndKeepsTheRest(TestApi api, TestMembers members) {
        String member = members.create("kept-" + Announcements.run() + "@example.org");
        UUID announcement = UUID.randomUUID();
        this.jdbc.sql("INSERT INTO notifier.announcement (id, payload, relevance) VALUES (:id, '{}'::jsonb, 1)")
            .param("id", announcement)
            .update();
        UUID oldSent = delivery(announcement, "email", "sent", 91);
        UUID oldFailed = delivery(announcement, "email", "failed", 120);
        UUID oldPending = delivery(announcement, "email", "pending", 200);
        UUID recentSent = delivery(announcement, "email", "sent", 89);
        UUID webhook = delivery(announcement, "webhook", "sent", 10);
        long oldAttempt = attempt(webhook, 31);
        long recentAttempt = attempt(webhook, 29);
        UUID oldDigest = digest(member, 61, "sent");
        UUID recentDigest = digest(member, 59, "sent");
        UUID oldPendingDigest = digest(member, 100, "pending");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(exists("delivery", oldSent)).isFalse();
            assertThat(exists("delivery", oldFailed)).isFalse();
            assertThat(exists("webhook_attempt", oldAttempt)).isFalse();
            assertThat(exists("digest", oldDigest)).isFalse();
        });
        assertThat(exists("delivery", recentSent)).isTrue();
        assertThat(exists("delivery", oldPending)).as("unfinished: kept whatever its age").isTrue();
        assertThat(exists("delivery", webhook)).isTrue();
        assertThat(exists("webhook_attempt", recentAttempt)).isTrue();
        assertThat(exists("digest", recentDigest)).isTrue();
        assertThat(exists("digest", oldPendingDigest)).isTrue();
        assertThat(this.jdbc.sql("SELECT count(*) FROM notifier.digest_item WHERE member_id = :member")
            .param("member", UUID.fromString(member))
            .query(Long.class)
            .single()).as("the old digest's item went with it, not back to waiting").isEqualTo(2);
    }

    private UUID delivery(UUID announcement, String channel, String status, int daysOld) {
        UUID id = UUID.randomUUID();
        this.jdbc.sql("""
                INSERT INTO notifier.delivery (id, announcement_id, channel, recipient_id, recipient, matched_tags,
                    status, next_attempt_at, created_at)
                VALUES (:id, :announcement, :channel, gen_random_uuid(), 'someone@example.org', '{}', :status,
                    now() + interval '1 hour', now() - make_interval(days => :days))
                """)
            .param("id", id)
            .param("announcement", announcement)
            .param("channel", channel)
            .param("status", status)
            .param("days", daysOld)
            .update();
        return id;
    }

    private long attempt(UUID delivery, int daysOld) {
        return this.jdbc.sql("""
                INSERT INTO notifier.webhook_attempt (delivery_id, partner_id, attempt, attempted_at, status_code,
                    latency_ms)
                VALUES (:delivery, gen_random_uuid(), 1, now() - make_interval(days => :days), 200, 5)
                RETURNING id
                """).param("delivery", delivery).param("days", daysOld).query(Long.class).single();
    }

    private UUID digest(String member, int daysOld, String status) {
        UUID id = UUID.randomUUID();
        UUID announcement = UUID.randomUUID();
        this.jdbc.sql("INSERT INTO notifier.announcement (id, payload, relevance) VALUES (:id, '{}'::jsonb, 1)")
            .param("id", announcement)
            .update();
        this.jdbc.sql("""
                INSERT INTO notifier.digest (id, member_id, frequency, period_end, recipient, status, next_attempt_at,
                    created_at)
                VALUES (:id, :member, 'daily', now() - make_interval(days => :days), 'kept@example.org', :status,
                    now() + interval '1 day', now() - make_interval(days => :days))
                """)
            .param("id", id)
            .param("member", UUID.fromString(member))
            .param("days", daysOld)
            .param("status", status)
            .update();
        this.jdbc.sql("""
                INSERT INTO notifier.digest_item (member_id, announcement_id, frequency, matched_tags, digest_id)
                VALUES (:member, :announcement, 'daily', '{}', :id)
                """)
            .param("id", id)
            .param("announcement", announcement)
            .param("member", UUID.fromString(member))
            .update();
        return id;
    }

    private boolean exists(String table, Object id) {
        return this.jdbc.sql("SELECT count(*) FROM notifier." + table + " WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single() == 1;
    }

}
