package org.herald.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks partners can rely on, proved on real parts: an in-process Kafka broker,
 * PostgreSQL, real HTTP receivers (MockWebServer) and a real SMTP server (GreenMail) for
 * the notices to partners' contacts.
 */
@NotifierTest
@TestPropertySource(properties = { "herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
        "herald.notifier.webhooks.retry-schedule=0s,300ms,300ms,300ms", "herald.notifier.webhooks.retry-jitter=0.1",
        "herald.notifier.webhooks.disable-after=3s", "herald.notifier.webhooks.concurrency=6",
        "herald.notifier.webhooks.endpoint-concurrency=2", "herald.notifier.webhooks.secret-overlap=1h",
        "herald.notifier.email.from=Herald <herald@test.example>" })
class WebhookReliabilityTests {

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void aReceiverAnswering500ThreeTimesGetsTheMessageOnTheFourthTryWithTheSameWebhookId(TestApi api,
            TaggedTopic topic) {
        String run = run();
        String path = "/hooks/flaky-" + run;
        receiver.answer(path,
                (call) -> new MockResponse.Builder().code((call <= 3) ? 500 : 200).body("call " + call).build());
        Registered partner = register(api, "Flaky", path, run);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(run, 1));

        JsonNode delivery = api.awaitDelivery(announcement.id(), "sent");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        List<RecordedRequest> requests = receiver.received(path);
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting((request) -> request.getHeaders().get("webhook-id"))
            .containsOnly(delivery.get("id").asString());
        requests.forEach((request) -> verify(request, partner.secret()));

        JsonNode attempts = TestApi.json(api.get("/api/v1/partners/" + partner.id() + "/attempts"));
        assertThat(attempts).extracting((attempt) -> attempt.get("statusCode").asInt())
            .containsExactly(200, 500, 500, 500);
        assertThat(attempts).extracting((attempt) -> attempt.get("attempt").asInt()).containsExactly(4, 3, 2, 1);
        assertThat(attempts.get(1).get("error").asString()).isEqualTo("HTTP 500: call 3");
        assertThat(attempts).allSatisfy((attempt) -> {
            assertThat(attempt.get("deliveryId").asString()).isEqualTo(delivery.get("id").asString());
            assertThat(attempt.get("latencyMillis").asInt()).isGreaterThanOrEqualTo(0);
            assertThat(attempt.get("attemptedAt").asString()).isNotBlank();
            assertThat(attempt.get("nextRetryAt").isNull()).isTrue();
        });
    }

    @Test
    void theAttemptsLogShowsTheNextRetryWhileOneIsDue(TestApi api, TaggedTopic topic) {
        String run = run();
        String path = "/hooks/later-" + run;
        receiver.answer(path, (call) -> new MockResponse.Builder().code(503).addHeader("Retry-After", "3600").build());
        Registered partner = register(api, "Later", path, run);
        topic.publish(Announcements.taggedWith(run, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode attempts = TestApi.json(api.get("/api/v1/partners/" + partner.id() + "/attempts"));
            assertThat(attempts).hasSize(1);
            assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(503);
            Instant next = Instant.parse(attempts.get(0).get("nextRetryAt").asString());
            assertThat(next).isBetween(Instant.now().plus(Duration.ofMinutes(55)),
                    Instant.now().plus(Duration.ofMinutes(61)));
        });
        api.post("/api/v1/partners/" + partner.id() + "/disable", "");
    }

    @Test
    void retryAfterOn429IsHonoured(TestApi api, TaggedTopic topic) {
        String run = run();
        String path = "/hooks/busy-" + run;
        receiver.answer(path,
                (call) -> (call == 1)
                        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("slow down").build()
                        : new MockResponse.Builder().code(204).build());
        register(api, "Busy", path, run);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(run, 1));

        JsonNode delivery = api.awaitDelivery(announcement.id(), "sent");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        List<Long> times = receiver.arrivals(path);
        assertThat(Duration.ofNanos(times.get(1) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void goneDisablesTheEndpointAtOnceAndTellsItsContact(TestApi api, TaggedTopic topic) throws Exception {
        String run = run();
        String path = "/hooks/gone-" + run;
        receiver.answer(path, (call) -> new MockResponse.Builder().code(410).body("gone").build());
        Registered partner = register(api, "Gone", path, run);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(run, 1));

        JsonNode delivery = api.awaitDelivery(announcement.id(), "failed");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastError").asString()).contains("HTTP 410");
        JsonNode read = TestApi.json(api.get("/api/v1/partners/" + partner.id()));
        assertThat(read.get("enabled").asBoolean()).isFalse();
        assertThat(read.get("disabledReason").asString()).contains("410 Gone");
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.messagesTo(contact(run)).size() == 1);
        MimeMessage notice = smtp.messagesTo(contact(run)).get(0);
        assertThat(notice.getSubject()).isEqualTo("Herald stopped sending webhooks to Gone");
        assertThat((String) notice.getContent()).contains(receiver.url(path).toString()).contains("410 Gone");
    }

    @Test
    void anEndpointFailingWithoutASuccessForDisableAfterIsDisabledItsContactToldAndItsMessagesRecovered(TestApi api,
            TaggedTopic topic) throws Exception {
        String run = run();
        String path = "/hooks/failing-" + run;
        AtomicInteger healthy = new AtomicInteger();
        receiver.answer(path, (call) -> (healthy.get() == 1) ? new MockResponse.Builder().code(200).build()
                : new MockResponse.Builder().code(503).addHeader("Retry-After", "2").body("down").build());
        Registered partner = register(api, "Failing", path, run);
        Instant before = Instant.now().minusSeconds(1);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(run, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesTo(contact(run)).size() == 1);
        JsonNode read = TestApi.json(api.get("/api/v1/partners/" + partner.id()));
        assertThat(read.get("enabled").asBoolean()).isFalse();
        assertThat(read.get("disabledReason").asString()).startsWith("Failing without a success since ");
        assertThat(read.get("failingSince").asString()).isNotBlank();
        assertThat((String) smtp.messagesTo(contact(run)).get(0).getContent())
            .contains("Failing without a success since");
        JsonNode failed = api.awaitDelivery(announcement.id(), "failed");
        assertThat(failed.get("lastError").asString()).isEqualTo("The partner's endpoint is disabled");

        // Recovering needs the endpoint enabled again; the failed message is kept and
        // sent on recovery.
        assertThat(api.post("/api/v1/partners/" + partner.id() + "/recover?since=" + before, "").statusCode())
            .isEqualTo(409);
        healthy.set(1);
        JsonNode enabled = TestApi.json(api.post("/api/v1/partners/" + partner.id() + "/enable", ""));
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("failingSince").isNull()).isTrue();
        JsonNode recovered = TestApi
            .json(api.post("/api/v1/partners/" + partner.id() + "/recover?since=" + before, ""));
        assertThat(recovered.get("requeued").asInt()).isEqualTo(1);
        JsonNode sent = api.awaitDelivery(announcement.id(), "sent");
        assertThat(sent.get("id").asString()).isEqualTo(failed.get("id").asString());
        RecordedRequest last = receiver.received(path).get(receiver.received(path).size() - 1);
        assertThat(last.getHeaders().get("webhook-id")).isEqualTo(failed.get("id").asString());
        verify(last, partner.secret());
    }

    @Test
    void resendsOneDeliveryOnRequestWithTheSameWebhookId(TestApi api, TaggedTopic topic) {
        String run = run();
        String path = "/hooks/again-" + run;
        register(api, "Again", path, run);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(run, 1));
        JsonNode delivery = api.awaitDelivery(announcement.id(), "sent");

        var retried = api.post("/api/v1/deliveries/" + delivery.get("id").asString() + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls(path) == 2);
        assertThat(receiver.received(path)).extracting((request) -> request.getHeaders().get("webhook-id"))
            .containsOnly(delivery.get("id").asString());
        var unknown = api.post("/api/v1/deliveries/" + UUID.randomUUID() + "/retry", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestApi.json(unknown).get("detail").asString()).startsWith("No delivery has id");
    }

    @Test
    void duringARotationEachRequestCarriesBothSignaturesAndEitherSecretVerifies(TestApi api, TaggedTopic topic) {
        String run = run();
        String path = "/hooks/rotating-" + run;
        Registered partner = register(api, "Rotating", path, run);
        var rotated = api.post("/api/v1/partners/" + partner.id() + "/secret/rotate", "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String next = TestApi.json(rotated).get("secret").asString();
        assertThat(next).startsWith("whsec_").isNotEqualTo(partner.secret());
        assertThat(Instant.parse(TestApi.json(rotated).get("previousValidUntil").asString()))
            .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        topic.publish(Announcements.taggedWith(run, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.called(path));
        RecordedRequest request = receiver.received(path).get(0);
        assertThat(request.getHeaders().get("webhook-signature")).matches("v1,\\S+ v1,\\S+");
        verify(request, next);
        verify(request, partner.secret());
        assertThat(api.post("/api/v1/partners/" + UUID.randomUUID() + "/secret/rotate", "").statusCode())
            .isEqualTo(404);
    }

    @Test
    void refusesInternalUrlsAtRegistrationAndAtSendTime(TestApi api, TaggedTopic topic) {
        List<String> internal = List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook",
                "http://[::ffff:a9fe:a9fe]/hook", "http://0x7f.1/hook", "http://2130706433/hook");
        for (String url : internal) {
            var response = api.post("/api/v1/partners",
                    "{\"name\":\"Internal\",\"url\":\"" + url + "\",\"contactEmail\":\"ops@example.org\"}");
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            JsonNode error = TestApi.json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("url");
            assertThat(error.get("message").asString()).as(url).startsWith("is refused: ");
        }

        // DNS or the URL can change after registration: the send checks again.
        String run = run();
        List<UUID> partners = new ArrayList<>();
        for (String url : internal) {
            Registered partner = register(api, "Was public", "/hooks/public-" + run, run);
            this.jdbc.sql("UPDATE notifier.partner SET url = :url WHERE id = :id")
                .param("url", url)
                .param("id", partner.id())
                .update();
            partners.add(partner.id());
        }
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(run, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
            assertThat(deliveries).hasSize(internal.size());
            assertThat(deliveries).allSatisfy((delivery) -> {
                assertThat(delivery.get("status").asString()).isEqualTo("failed");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                assertThat(delivery.get("lastError").asString()).startsWith("Refused by the SSRF guard: ");
            });
        });
        JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
        assertThat(deliveries.valueStream().map((delivery) -> delivery.get("lastError").asString()))
            .anySatisfy((error) -> assertThat(error).contains("169.254.169.254 is the cloud metadata address"))
            .anySatisfy((error) -> assertThat(error).contains("10.0.0.1 is a private address"))
            .anySatisfy((error) -> assertThat(error).contains("0x7f.1 is a numeric host"))
            .anySatisfy((error) -> assertThat(error).contains("2130706433 is a numeric host"));
        assertThat(receiver.called("/hooks/public-" + run)).isFalse();
        JsonNode attempts = TestApi.json(api.get("/api/v1/partners/" + partners.get(0) + "/attempts"));
        assertThat(attempts.get(0).get("statusCode").isNull()).isTrue();
        assertThat(attempts.get(0).get("error").asString()).contains("169.254.169.254");
    }

    @Test
    void aHangingEndpointDoesNotDelayDeliveriesToAnother(TestApi api, TaggedTopic topic) throws Exception {
        String run = run();
        try (WebhookReceiver hanging = new WebhookReceiver().start()) {
            AtomicInteger hung = new AtomicInteger();
            hanging.answer("/slow", (call) -> {
                hung.incrementAndGet();
                return new MockResponse.Builder().code(200).headersDelay(15, TimeUnit.SECONDS).build();
            });
            String slow = TestApi
                .json(api.post("/api/v1/partners", "{\"name\":\"Slow\",\"url\":\"" + hanging.url("/slow")
                        + "\",\"contactEmail\":\"" + contact(run) + "\",\"tags\":[\"" + run + "\"]}"))
                .get("id")
                .asString();
            String path = "/hooks/fast-" + run;
            register(api, "Fast", path, run);
            long start = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                topic.publish(Announcements.taggedWith(run, 1));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.calls(path) == 8);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(hung.get()).isBetween(1, 2); // the cap per endpoint: two requests
                                                    // under way, the rest wait
            api.post("/api/v1/partners/" + slow + "/disable", "");
        }
    }

    @Test
    void aPartnersRateLimitSpacesItsMessagesWithoutSpendingAttempts(TestApi api, TaggedTopic topic) {
        String run = run();
        String path = "/hooks/limited-" + run;
        var created = api.post("/api/v1/partners", "{\"name\":\"Limited\",\"url\":\"" + receiver.url(path)
                + "\",\"contactEmail\":\"" + contact(run) + "\",\"tags\":[\"" + run + "\"],\"rateLimit\":2}");
        assertThat(TestApi
            .json(api.get(created.headers().firstValue("Location").orElseThrow().replaceFirst("^.*?/api", "/api")))
            .get("rateLimit")
            .asInt()).isEqualTo(2);
        List<AnnouncementTagged> announcements = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            announcements.add(topic.publish(Announcements.taggedWith(run, 1)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls(path) == 6);
        List<Long> times = receiver.arrivals(path);
        // Two at once (a second's worth), then one every half second: the sixth about two
        // seconds after the first.
        assertThat(Duration.ofNanos(times.get(5) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        for (AnnouncementTagged announcement : announcements) {
            assertThat(api.awaitDelivery(announcement.id(), "sent").get("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void cutsA100KbAnnouncementBelow20KbKeepingTheSourceLink(TestApi api, TaggedTopic topic) {
        String run = run();
        String path = "/hooks/long-" + run;
        Registered partner = register(api, "Long", path, run);
        String url = "https://www.gov.uk/government/news/long-" + run;
        String body = "Securing critical mineral supply chains. ".repeat(2500);
        assertThat(body.length()).isGreaterThan(100_000);
        topic.publish(new AnnouncementTagged(AnnouncementIds.idFor(url), "test", null, url, "Long " + run, "A summary",
                body, null, null, null, Instant.now(),
                List.of(new TagMatch(run, 3.0, List.of(new Evidence(run, "title", 3.0)))), 1, "sha256:test",
                Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.called(path));
        RecordedRequest request = receiver.received(path).get(0);
        byte[] sent = request.getBody().toByteArray();
        assertThat(sent.length).isLessThan(20 * 1024);
        verify(request, partner.secret());
        JsonNode data = this.json.readTree(new String(sent, StandardCharsets.UTF_8)).get("data");
        assertThat(data.get("url").asString()).isEqualTo(url);
        assertThat(data.get("truncated").asBoolean()).isTrue();
        assertThat(data.get("body").asString()).startsWith("Securing critical").endsWith("…");
        assertThat(request.getHeaders().get("User-Agent")).startsWith("Herald-Webhooks/");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void listsEnablesAndDisablesPartners(TestApi api) {
        String run = run();
        Registered partner = register(api, "Listed", "/hooks/listed-" + run, run);
        JsonNode page = TestApi.json(api.get("/api/v1/partners?limit=1000"));
        assertThat(page.get("items").valueStream().map((item) -> item.get("id").asString()))
            .contains(partner.id().toString());
        assertThat(page.get("items").valueStream().map((item) -> item.toString()))
            .noneMatch((item) -> item.contains("whsec_"));

        JsonNode disabled = TestApi.json(api.post("/api/v1/partners/" + partner.id() + "/disable", ""));
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("disabledReason").asString()).startsWith("Disabled by an operator");
        assertThat(
                TestApi.json(api.post("/api/v1/partners/" + partner.id() + "/enable", "")).get("enabled").asBoolean())
            .isTrue();
        var missing = api.post("/api/v1/partners/" + UUID.randomUUID() + "/enable", "");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.get("/api/v1/partners?limit=0").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/partners/" + partner.id() + "/recover?since=yesterday", "").statusCode())
            .isEqualTo(400);
        assertThat(api.get("/api/v1/partners/" + partner.id() + "/attempts", "wrong-key").statusCode()).isEqualTo(401);

    }

    private static Registered register(TestApi api, String name, String path, String tag) {
        var response = api.post("/api/v1/partners", "{\"name\":\"" + name + "\",\"url\":\"" + receiver.url(path)
                + "\",\"contactEmail\":\"" + contact(tag) + "\",\"tags\":[\"" + tag + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = TestApi.json(response);
        return new Registered(UUID.fromString(body.get("id").asString()), body.get("secret").asString());
    }

    private static void verify(RecordedRequest request, String secret) {
        try {
            new Webhook(secret).verify(request.getBody().utf8(), request.getHeaders().toMultimap());
        }
        catch (Exception ex) {
            throw new AssertionError("signature does not verify: " + ex, ex);
        }
    }

    private static String run() {
        return "t" + Announcements.run();
    }

    private static String contact(String run) {
        return "ops-" + run + "@partner.example";
    }

    private record Registered(UUID id, String secret) {
    }

}
