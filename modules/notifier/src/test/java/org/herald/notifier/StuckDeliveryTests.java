package org.herald.notifier;

import java.time.Duration;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No delivery stays {@code sending} for ever (issue 11): a send that stalls is cut off by
 * its deadline and retried long before its lease ends, and a claim that expires after the
 * last attempt fails instead of being claimed again without end. Two attempts per email;
 * the lease is the default two minutes, the send deadline 2 s, and the SMTP read timeout
 * 1 s, which a server that answers a line every 200 ms never trips.
 */
@NotifierTest
@TestPropertySource(properties = { "herald.notifier.email.retry-schedule=0s,3s",
        "herald.notifier.email.send-timeout=2s", "spring.mail.properties.mail.smtp.timeout=1000" })
class StuckDeliveryTests {

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    @Autowired
    JdbcClient jdbc;

    /**
     * The claims are planned for the delivery table as it is at each claim, not by a plan
     * a connection cached while the table was empty (docs/performance.md).
     */
    @Test
    void theNotifiersConnectionsPlanEachStatementAnew() {
        assertThat(this.jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }

    @Test
    void retriesASendThatStallsMidDataInsteadOfLeavingItSending(TestApi api, TestMembers members, TaggedTopic topic) {
        String tag = "stall-" + Announcements.run();
        String address = tag + "@example.org";
        members.create(address, TestMembers.sub(tag, null));
        smtp.stallAfterData(1);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 2));

        api.awaitDelivery(announcement.id(), (delivery) -> {
            assertThat(delivery.get("status").asString()).isEqualTo("pending");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastError").asString()).contains("herald.notifier.email.send-timeout");
        });
        JsonNode sent = api.awaitDelivery(announcement.id(), "sent");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void failsAClaimThatExpiresAfterTheLastAttemptInsteadOfClaimingItAgain(TestApi api, TestMembers members,
            TaggedTopic topic) {
        String tag = "expired-" + Announcements.run();
        String address = tag + "@example.org";
        members.create(address, TestMembers.sub(tag, null));
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 2));
        UUID id = UUID.fromString(api.awaitDelivery(announcement.id(), "sent").get("id").asString());

        // As a notifier leaves it that died (or hung) during the last of the two
        // attempts, an hour ago.
        expireClaim(id, 2);

        JsonNode failed = api.awaitDelivery(announcement.id(), "failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(2);
        assertThat(failed.get("lastError").asString()).contains("Gave up after 2 attempts")
            .contains("did not finish within the lease");
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(smtp.receivedBy(address)).hasSize(1));
    }

    @Test
    void claimsAgainAnExpiredClaimWithAttemptsLeft(TestApi api, TestMembers members, TaggedTopic topic) {
        String tag = "reclaimed-" + Announcements.run();
        String address = tag + "@example.org";
        members.create(address, TestMembers.sub(tag, null));
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 2));
        UUID id = UUID.fromString(api.awaitDelivery(announcement.id(), "sent").get("id").asString());

        expireClaim(id, 1);

        assertThat(api.awaitDelivery(announcement.id(), "sent").get("attempts").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(smtp.receivedBy(address)).hasSize(2));
    }

    private void expireClaim(UUID id, int attempts) {
        this.jdbc.sql("""
                UPDATE notifier.delivery SET status = 'sending', attempts = :attempts, claim_token = gen_random_uuid(),
                    claimed_at = now() - interval '1 hour', sent_at = NULL
                WHERE id = :id
                """).param("attempts", attempts).param("id", id).update();
    }

}
