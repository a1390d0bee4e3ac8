package org.herald.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.events.AnnouncementTagged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.herald.notifier.TestMembers.sub;

/**
 * Sending over a real SMTP conversation with a server that refuses or defers chosen
 * recipients: connection reuse, the send rate, the allowlist, suppression after a 5xx, a
 * retry after a 4xx.
 */
@NotifierTest
@TestPropertySource(
        properties = { "herald.notifier.retry-schedule=0s,300ms,300ms,300ms", "herald.notifier.email.concurrency=1",
                "herald.notifier.email.rate=20", "herald.notifier.email.allowlist=*@allowed.test,exact@vip.test" })
class SmtpSendingTests {

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    /** Addresses refused (550) while in this set. */
    static final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** Addresses deferred (451) at their first RCPT. */
    static final Set<String> deferOnce = ConcurrentHashMap.newKeySet();

    static {
        smtp.onRcpt((address) -> {
            if (refused.contains(address)) {
                return "550 5.1.1 <" + address + ">: no such user";
            }
            if (deferOnce.contains(address) && smtp.rcptAttempts(address) == 1) {
                return "451 4.3.0 Try again later";
            }
            return "250 2.1.5 OK";
        });
    }

    @Test
    void reusesOneConnectionForManyEmailsAtTheConfiguredRate(TestMembers members, TaggedTopic topic) throws Exception {
        String tag = "many-" + Announcements.run();
        for (int i = 0; i < 5; i++) {
            members.create(tag + "-" + i + "@allowed.test", sub(tag, "immediate"));
        }
        int connectionsBefore = smtp.connections();
        topic.publish(Announcements.taggedWith(tag, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(tag).size() == 5);
        assertThat(smtp.connections() - connectionsBefore).as("new SMTP connections").isLessThanOrEqualTo(1);
        List<ScriptedSmtpServer.Received> messages = received(tag);
        long spread = messages.get(4).arrivedAt() - messages.get(0).arrivedAt();
        assertThat(Duration.ofNanos(spread)).as("5 emails at 20 a second")
            .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void suppressesAnAddressRefusedWith5xxUntilAnAdminClearsIt(TestApi api, TestMembers members, TaggedTopic topic)
            throws Exception {
        String tag = "refused-" + Announcements.run();
        String address = tag + "@allowed.test";
        refused.add(address);
        String member = members.create(address, sub(tag, "immediate"));

        AnnouncementTagged first = topic.publish(Announcements.taggedWith(tag, 1));
        JsonNode failed = api.awaitDelivery(first.id(), "failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).contains("550").contains("suppressed");
        JsonNode suppressed = TestApi.json(api.get("/api/v1/members/" + member));
        assertThat(suppressed.get("status").asString()).isEqualTo("suppressed");
        assertThat(suppressed.get("suppressedReason").asString()).contains("550");
        assertThat(suppressed.get("suppressedAt").isNull()).isFalse();

        AnnouncementTagged second = topic.publish(Announcements.taggedWith(tag, 1));
        assertThat(api.awaitDelivery(second.id(), "suppressed").get("lastError").asString()).contains("suppressed");
        assertThat(smtp.rcptAttempts(address)).as("no further mail to a suppressed address").isEqualTo(1);

        refused.remove(address);
        assertThat(api.call("DELETE", "/api/v1/members/" + member + "/suppression", null).statusCode()).isEqualTo(204);
        assertThat(TestApi.json(api.get("/api/v1/members/" + member)).get("status").asString()).isEqualTo("active");
        AnnouncementTagged third = topic.publish(Announcements.taggedWith(tag, 1));
        api.awaitDelivery(third.id(), "sent");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void retriesATemporaryFailureAndDelivers(TestApi api, TestMembers members, TaggedTopic topic) throws Exception {
        String tag = "deferred-" + Announcements.run();
        String address = tag + "@allowed.test";
        deferOnce.add(address);
        members.create(address, sub(tag, "immediate"));

        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 1));
        JsonNode sent = api.awaitDelivery(announcement.id(), "sent");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.get("lastError").isNull()).isTrue();
        assertThat(smtp.rcptAttempts(address)).isEqualTo(2);
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void sendsOnlyToAddressesOnTheAllowlist(TestApi api, TestMembers members, TaggedTopic topic) throws Exception {
        String tag = "allowlist-" + Announcements.run();
        String outside = tag + "@elsewhere.test";
        members.create(outside, sub(tag, "immediate"));
        members.create(tag + "@ALLOWED.test", sub(tag, "immediate"));

        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
            assertThat(deliveries)
                .extracting(
                        (delivery) -> delivery.get("recipient").asString() + ":" + delivery.get("status").asString())
                .containsExactlyInAnyOrder(outside + ":suppressed", tag + "@ALLOWED.test:sent");
        });
        assertThat(smtp.rcptAttempts(outside)).isZero();
        assertThat(smtp.receivedBy(tag + "@allowed.test")).hasSize(1);

    }

    private static List<ScriptedSmtpServer.Received> received(String tag) {
        return smtp.received().stream().filter((message) -> message.recipients().get(0).startsWith(tag)).toList();
    }

}
