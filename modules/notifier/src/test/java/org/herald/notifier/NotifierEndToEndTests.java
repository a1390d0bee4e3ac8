package org.herald.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.standardwebhooks.Webhook;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.herald.notifier.TestMembers.sub;

/**
 * The notifier end to end, on real parts: tagged announcements from an in-process Kafka
 * broker, members and partners in PostgreSQL, emails to a GreenMail SMTP server, webhooks
 * to a MockWebServer.
 */
@NotifierTest
@TestPropertySource(properties = { "herald.notifier.retry-schedule=0s,200ms,200ms",
        "herald.notifier.webhooks.retry-schedule=0s,200ms,200ms",
        "herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
        "herald.notifier.email.from=Herald <herald@test.example>",
        "herald.notifier.email.message-id-domain=herald.test" })
@ExtendWith(OutputCaptureExtension.class)
class NotifierEndToEndTests {

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void emailsEachMatchingMemberOnceAndCallsEachMatchingPartnerWithASignedWebhook(TestApi api, TestMembers members,
            TaggedTopic topic, CapturedOutput output) throws Exception {
        String run = Announcements.run();
        String ada = "ada-" + run + "@example.org";
        String bob = "bob-" + run + "@example.org";
        String carol = "carol-" + run + "@example.org";
        String dan = "dan-" + run + "@example.org";
        String erin = "erin-" + run + "@example.org";
        members.create(ada, "Ada Lovelace", "Test Ltd", sub(List.of("critical-minerals"), "any", 1, "immediate"));
        members.create(bob, "Bob", "Test Ltd", sub(List.of("critical-minerals", "defence"), "any", 0, "immediate"),
                sub(List.of("trade-policy", "critical-minerals"), "all", 2, "immediate"));
        members.create(carol, "Carol", "Test Ltd", sub(List.of("defence"), "any", 0, "immediate"));
        members.create(dan, "Dan", "Test Ltd", sub(List.of("critical-minerals"), "any", 3, "immediate"));
        members.create(erin, "Erin", "Test Ltd", sub(List.of("critical-minerals"), "any", 0, "daily"));
        JsonNode partner = TestApi.json(api.post("/api/v1/partners",
                partner("Minerals Weekly", "/hooks/minerals-" + run, "[\"critical-minerals\"]", "any", 1)));
        String secret = partner.get("secret").asString();
        api.post("/api/v1/partners", partner("Defence Desk", "/hooks/defence-" + run, "[\"defence\"]", "any", 0));

        AnnouncementTagged mou = Announcements.criticalMineralsMou("https://www.gov.uk/government/news/mou-" + run);
        topic.publish(mou);

        await().atMost(Duration.ofSeconds(30))
            .until(() -> smtp.messagesTo(ada).size() == 1 && smtp.messagesTo(bob).size() == 1);
        for (String member : List.of(ada, bob)) {
            MimeMessage email = smtp.messagesTo(member).get(0);
            assertThat(email.getSubject()).isEqualTo("UK and US sign Memorandum of Understanding on critical minerals");
            assertThat(email.getFrom()[0].toString()).isEqualTo("Herald <herald@test.example>");
            assertThat(email.getContentType()).startsWith("multipart/alternative");
            assertThat(email.getMessageID()).matches("<" + mou.id() + "\\.[0-9a-f-]{36}@herald\\.test>");
            MimeMultipart parts = (MimeMultipart) email.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            for (int i = 0; i < 2; i++) {
                assertThat((String) parts.getBodyPart(i).getContent()).contains("Why you got this")
                    .contains("critical-minerals")
                    .contains("mineral supply chains")
                    .contains(mou.url());
            }
        }
        assertThat(smtp.messagesTo(ada).get(0).getMessageID()).isNotEqualTo(smtp.messagesTo(bob).get(0).getMessageID());

        RecordedRequest webhook = receiver.awaitRequests("/hooks/minerals-" + run, 1).get(0);
        String body = webhook.getBody().utf8();
        new Webhook(secret).verify(body, webhook.getHeaders().toMultimap());
        assertThat(webhook.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(webhook.getHeaders().get("User-Agent")).startsWith("Herald-Webhooks/");
        JsonNode payload = this.json.readTree(body);
        assertThat(payload.get("type").asString()).isEqualTo("announcement.published");
        assertThat(payload.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(payload.get("data").get("id").asString()).isEqualTo(mou.id().toString());
        assertThat(payload.get("data").get("tags").get(0).get("evidence").get(0).get("term").asString())
            .isEqualTo("critical minerals");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + mou.id()));
            assertThat(deliveries).hasSize(3);
            assertThat(deliveries).allSatisfy((delivery) -> {
                assertThat(delivery.get("status").asString()).isEqualTo("sent");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            });
            assertThat(deliveries)
                .extracting(
                        (delivery) -> delivery.get("channel").asString() + ":" + delivery.get("recipient").asString())
                .containsExactlyInAnyOrder("email:" + ada, "email:" + bob,
                        "webhook:" + receiver.url("/hooks/minerals-" + run));
            JsonNode hook = deliveries.valueStream()
                .filter((delivery) -> delivery.get("channel").asString().equals("webhook"))
                .findFirst()
                .orElseThrow();
            assertThat(webhook.getHeaders().get("webhook-id")).isEqualTo(hook.get("id").asString());
        });
        assertThat(this.meters.get("herald.emails.sent").counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(this.meters.get("herald.webhooks.sent").counter().count()).isGreaterThanOrEqualTo(1);

        // The same record again, then a marker behind it on the same (single) partition:
        // once the marker
        // is delivered, the repeat has been processed, and it must have sent nothing.
        topic.publish(mou);
        String marker = "marker-" + run;
        members.create("marker-" + run + "@example.org", null, "Test Ltd", sub(List.of(marker), "any", 0, "immediate"));
        topic.publish(Announcements.taggedWith(marker, 1));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> smtp.messagesTo("marker-" + run + "@example.org").size() == 1);
        assertThat(smtp.messagesTo(ada)).hasSize(1);
        assertThat(smtp.messagesTo(bob)).hasSize(1);
        assertThat(smtp.messagesTo(carol)).isEmpty();
        assertThat(smtp.messagesTo(dan)).isEmpty();
        assertThat(smtp.messagesTo(erin)).isEmpty();
        assertThat(receiver.calls("/hooks/minerals-" + run)).isEqualTo(1);
        assertThat(receiver.called("/hooks/defence-" + run)).isFalse();
        assertThat(TestApi.json(api.get("/api/v1/deliveries?announcementId=" + mou.id()))).hasSize(3);

        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
    }

    @Test
    void retriesAWebhookThatFailedWithTheSameWebhookId(TestApi api, TaggedTopic topic) throws Exception {
        String run = Announcements.run();
        String tag = "flaky-" + run;
        receiver.answer("/hooks/flaky-" + run,
                (call) -> new MockResponse.Builder().code((call == 1) ? 500 : 204)
                    .body((call == 1) ? "try later" : "")
                    .build());
        String secret = TestApi
            .json(api.post("/api/v1/partners", partner("Flaky", "/hooks/flaky-" + run, "[\"" + tag + "\"]", "any", 0)))
            .get("secret")
            .asString();
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 1));

        assertThat(api.awaitDelivery(announcement.id(), "sent").get("attempts").asInt()).isEqualTo(2);
        List<RecordedRequest> requests = receiver.awaitRequests("/hooks/flaky-" + run, 2);
        assertThat(requests).extracting((request) -> request.getHeaders().get("webhook-id"))
            .containsOnly(TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()))
                .get(0)
                .get("id")
                .asString());
        for (RecordedRequest request : requests) {
            new Webhook(secret).verify(request.getBody().utf8(), request.getHeaders().toMultimap());
        }
    }

    @Test
    void waitsAsLongAsRetryAfterAsksThenGivesUpAfterTheLastAttempt(TestApi api, TaggedTopic topic) {
        String run = Announcements.run();
        String tag = "down-" + run;
        receiver.answer("/hooks/down-" + run,
                (call) -> new MockResponse.Builder().code(503)
                    .addHeader("Retry-After", "1")
                    .body("maintenance")
                    .build());
        api.post("/api/v1/partners", partner("Down", "/hooks/down-" + run, "[\"" + tag + "\"]", "any", 0));
        double failedBefore = this.meters.get("herald.webhooks.failed").counter().count();
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 1));

        JsonNode delivery = api.awaitDelivery(announcement.id(), "failed");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastError").asString()).startsWith("Gave up after 3 attempts: HTTP 503");
        List<Long> times = receiver.arrivals("/hooks/down-" + run);
        assertThat(times).hasSize(3);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.ofNanos(times.get(i) - times.get(i - 1))).as("wait before attempt " + (i + 1))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        assertThat(this.meters.get("herald.webhooks.failed").counter().count()).isEqualTo(failedBefore + 1);
    }

    @Test
    void disablesAPartnerWhoseEndpointIsGone(TestApi api, TaggedTopic topic) {
        String run = Announcements.run();
        String tag = "gone-" + run;
        receiver.answer("/hooks/gone-" + run, (call) -> new MockResponse.Builder().code(410).body("gone").build());
        String partnerId = TestApi
            .json(api.post("/api/v1/partners", partner("Gone", "/hooks/gone-" + run, "[\"" + tag + "\"]", "any", 0)))
            .get("id")
            .asString();
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 1));

        JsonNode delivery = api.awaitDelivery(announcement.id(), "failed");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastError").asString()).contains("410");
        JsonNode partner = TestApi.json(api.get("/api/v1/partners/" + partnerId));
        assertThat(partner.get("enabled").asBoolean()).isFalse();
        assertThat(partner.get("disabledReason").asString()).contains("410");
    }

    @Test
    void deadLettersPoisonRecordsAndDeliversTheRecordsBehindThem(TestMembers members, TaggedTopic topic)
            throws Exception {
        String run = Announcements.run();
        byte[] badJson = "{\"id\": not json".getBytes(StandardCharsets.UTF_8);
        topic.kafka().send(Topics.ANNOUNCEMENTS_TAGGED, "bad-json-" + run, badJson).get(10, TimeUnit.SECONDS);
        ProducerRecord<String, Object> unknownType = new ProducerRecord<>(Topics.ANNOUNCEMENTS_TAGGED,
                "unknown-type-" + run, this.json.writeValueAsBytes(Announcements.taggedWith("x", 1)));
        unknownType.headers().add("__TypeId__", "announcement.retracted".getBytes(StandardCharsets.UTF_8));
        topic.kafka().send(unknownType).get(10, TimeUnit.SECONDS);

        String tag = "after-poison-" + run;
        String address = "after-poison-" + run + "@example.org";
        members.create(address, null, "Test Ltd", sub(List.of(tag), "any", 0, "immediate"));
        topic.publish(Announcements.taggedWith(tag, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesTo(address).size() == 1);
        Map<String, ConsumerRecord<String, byte[]>> deadLetters = deadLetters(
                List.of("bad-json-" + run, "unknown-type-" + run));
        ConsumerRecord<String, byte[]> bad = deadLetters.get("bad-json-" + run);
        assertThat(bad.value()).isEqualTo(badJson);
        for (ConsumerRecord<String, byte[]> record : deadLetters.values()) {
            assertThat(header(record, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
            assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.ANNOUNCEMENTS_TAGGED);
            assertThat(header(record, "kafka_dlt-original-consumer-group")).isEqualTo("herald-notifier");
        }
    }

    @Test
    void reportsTheDatabaseAndTheBrokerInHealth(TestApi api) {
        JsonNode health = TestApi.json(api.get("/actuator/health", null));
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    private Map<String, ConsumerRecord<String, byte[]>> deadLetters(List<String> keys) {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "dlt-reader-" + UUID.randomUUID(),
                false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, ConsumerRecord<String, byte[]>> found = new ConcurrentHashMap<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.ANNOUNCEMENTS_TAGGED)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
                    if (keys.contains(record.key())) {
                        found.put(record.key(), record);
                    }
                });
                return found.keySet().containsAll(keys);
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

    private static String partner(String name, String path, String tags, String match, int minRelevance) {
        return "{\"name\":\"" + name + "\",\"url\":\"" + receiver.url(path) + "\",\"contactEmail\":\"ops@example.org\""
                + ",\"tags\":" + tags + ",\"match\":\"" + match + "\",\"minRelevance\":" + minRelevance + "}";
    }

}
