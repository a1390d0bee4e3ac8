package org.herald.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sending over a real SMTP conversation with a server that refuses or defers chosen
 * recipients: connection reuse, the send rate, the allowlist, suppression after a 5xx, a
 * retry after a 4xx.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "herald.admin-api-keys=" + TestApi.ADMIN_KEY, "herald.kafka.partitions=1",
                "herald.notifier.retry-schedule=0s,300ms,300ms,300ms", "herald.notifier.dispatch.poll-interval=100ms",
                "herald.notifier.email.concurrency=1", "herald.notifier.email.rate=20",
                "herald.notifier.email.allowlist=*@allowed.test,exact@vip.test" })
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class SmtpSendingTests {

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

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::port);
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
    }

    @Test
    void reusesOneConnectionForManyEmailsAtTheConfiguredRate() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "many-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            api.createMember(member(tag + "-" + i + "@allowed.test", tag, "immediate"));
        }
        int connectionsBefore = smtp.connections();
        publish(Announcements.taggedWith(tag, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> received(tag).size() == 5);
        assertThat(smtp.connections() - connectionsBefore).as("new SMTP connections").isLessThanOrEqualTo(1);
        List<ScriptedSmtpServer.Received> messages = received(tag);
        long spread = messages.get(4).arrivedAt() - messages.get(0).arrivedAt();
        assertThat(Duration.ofNanos(spread)).as("5 emails at 20 a second")
            .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void suppressesAnAddressRefusedWith5xxUntilAnAdminClearsIt() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        String address = tag + "@allowed.test";
        refused.add(address);
        String member = api.createMember(member(address, tag, "immediate"));

        AnnouncementTagged first = publish(Announcements.taggedWith(tag, 1));
        JsonNode failed = awaitDelivery(api, first, "failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).contains("550").contains("suppressed");
        JsonNode suppressed = TestApi.json(api.get("/api/v1/members/" + member));
        assertThat(suppressed.get("status").asString()).isEqualTo("suppressed");
        assertThat(suppressed.get("suppressedReason").asString()).contains("550");
        assertThat(suppressed.get("suppressedAt").isNull()).isFalse();

        AnnouncementTagged second = publish(Announcements.taggedWith(tag, 1));
        assertThat(awaitDelivery(api, second, "suppressed").get("lastError").asString()).contains("suppressed");
        assertThat(smtp.rcptAttempts(address)).as("no further mail to a suppressed address").isEqualTo(1);

        refused.remove(address);
        assertThat(api.call("DELETE", "/api/v1/members/" + member + "/suppression", null).statusCode()).isEqualTo(204);
        assertThat(TestApi.json(api.get("/api/v1/members/" + member)).get("status").asString()).isEqualTo("active");
        AnnouncementTagged third = publish(Announcements.taggedWith(tag, 1));
        awaitDelivery(api, third, "sent");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void retriesATemporaryFailureAndDelivers() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "deferred-" + UUID.randomUUID().toString().substring(0, 8);
        String address = tag + "@allowed.test";
        deferOnce.add(address);
        api.createMember(member(address, tag, "immediate"));

        AnnouncementTagged announcement = publish(Announcements.taggedWith(tag, 1));
        JsonNode sent = awaitDelivery(api, announcement, "sent");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.get("lastError").isNull()).isTrue();
        assertThat(smtp.rcptAttempts(address)).isEqualTo(2);
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void sendsOnlyToAddressesOnTheAllowlist() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "allowlist-" + UUID.randomUUID().toString().substring(0, 8);
        String outside = tag + "@elsewhere.test";
        api.createMember(member(outside, tag, "immediate"));
        api.createMember(member(tag + "@ALLOWED.test", tag, "immediate"));

        AnnouncementTagged announcement = publish(Announcements.taggedWith(tag, 1));
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

    private AnnouncementTagged publish(AnnouncementTagged announcement) throws Exception {
        this.kafka.send(Topics.ANNOUNCEMENTS_TAGGED, announcement.id().toString(), announcement)
            .get(10, TimeUnit.SECONDS);
        return announcement;
    }

    private static JsonNode awaitDelivery(TestApi api, AnnouncementTagged announcement, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("status").asString()).isEqualTo(status);
            found[0] = deliveries.get(0);
        });
        return found[0];
    }

    private static List<ScriptedSmtpServer.Received> received(String tag) {
        return smtp.received().stream().filter((message) -> message.recipients().get(0).startsWith(tag)).toList();
    }

    static String member(String email, String tag, String frequency) {
        return "{\"email\":\"" + email + "\",\"subscriptions\":[{\"tags\":[\"" + tag + "\"],\"frequency\":\""
                + frequency + "\"}]}";
    }

}
