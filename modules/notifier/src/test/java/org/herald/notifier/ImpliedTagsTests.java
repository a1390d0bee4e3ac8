package org.herald.notifier;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.events.Topics;
import org.herald.notifier.email.LinkTokens;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Implied tags in the notifier, on real parts (the in-process Kafka broker, PostgreSQL,
 * GreenMail, a real HTTP receiver): the MoU, tagged critical-minerals and, by
 * implication, aluminium, reaches a member and a partner who follow aluminium, with the
 * chain in the email; a subscription or partner that turned implied tags off gets
 * nothing; members choose on their preferences page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "herald.admin-api-keys=" + TestApi.ADMIN_KEY, "herald.kafka.partitions=1",
                "herald.notifier.dispatch.poll-interval=100ms", "herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
                "herald.notifier.public-base-url=https://herald.test",
                "herald.notifier.email.link-key=" + ImpliedTagsTests.LINK_KEY })
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class ImpliedTagsTests {

    static final String LINK_KEY = "implied-link-key-0123456789-0123456789-abcd";

    static final String CHAIN = "aluminium — implied by critical-minerals (matched \"critical minerals\" in the title; "
            + "\"critical minerals\" in the summary; \"mineral supply\" in the summary): "
            + "Aluminium is on the UK Critical Minerals List";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    static final MockWebServer receiver = new MockWebServer();

    static final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> smtp.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                return new MockResponse.Builder().code(204).build();
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void theMouReachesWhoFollowsAluminiumWithTheChainAndNotWhoTurnedImpliedTagsOff() throws Exception {
        TestApi api = new TestApi(this.port);
        String run = run();
        String follower = "aluminium-" + run + "@example.org";
        String directOnly = "direct-only-" + run + "@example.org";
        api.createMember(member(follower, "{\"tags\":[\"aluminium\"],\"minRelevance\":1}"));
        String directOnlyId = api
            .createMember(member(directOnly, "{\"tags\":[\"aluminium\"],\"minRelevance\":1,\"includeImplied\":false}"));
        JsonNode subscription = TestApi.json(api.get("/api/v1/members/" + directOnlyId)).get("subscriptions").get(0);
        assertThat(subscription.get("includeImplied").asBoolean()).isFalse();
        String takesImplied = registerPartner(api, "Takes implied", "/hooks/implied-" + run, "");
        String refusesImplied = registerPartner(api, "Direct only", "/hooks/direct-" + run,
                ",\"includeImplied\":false");
        assertThat(TestApi.json(api.get("/api/v1/partners/" + takesImplied)).get("includeImplied").asBoolean())
            .isTrue();
        assertThat(TestApi.json(api.get("/api/v1/partners/" + refusesImplied)).get("includeImplied").asBoolean())
            .isFalse();

        AnnouncementTagged mou = publish(mouWithImpliedAluminium(run));

        MimeMessage email = awaitMessages(follower, 1).get(0);
        MimeMultipart parts = (MimeMultipart) email.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Why you got this").contains("* " + CHAIN);
        assertThat(html).contains("<strong>aluminium</strong>")
            .contains(CHAIN.substring("aluminium".length()).replace("\"", "&quot;"));
        JsonNode deliveries = awaitSent(api, mou, 2);
        assertThat(deliveries).extracting((delivery) -> delivery.get("recipient").asString())
            .as("one transaction recorded every match: the member and partner without implied tags are not among them")
            .containsExactlyInAnyOrder(follower, receiver.url("/hooks/implied-" + run).toString());
        RecordedRequest webhook = await().atMost(Duration.ofSeconds(30))
            .until(() -> requestsTo("/hooks/implied-" + run), (requests) -> !requests.isEmpty())
            .get(0);
        JsonNode tags = JsonMapper.shared().readTree(webhook.getBody().utf8()).get("data").get("tags");
        assertThat(tags.get(1).get("tag").asString()).isEqualTo("aluminium");
        assertThat(tags.get(1).get("implied").asBoolean()).isTrue();

        AnnouncementTagged direct = publish(taggedAluminium(run));
        awaitMessages(directOnly, 1);
        awaitSent(api, direct, 4);
        assertThat(messagesTo(directOnly)).as("only the announcement that has aluminium itself").hasSize(1);
        assertThat(requestsTo("/hooks/direct-" + run)).hasSize(1);
    }

    @Test
    void membersChooseOnTheirPreferencesPageWhetherImpliedTagsCount() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "prefs-" + run();
        String member = api.createMember(member(tag + "@example.org", "{\"tags\":[\"" + tag + "\"]}"));
        String token = new LinkTokens(LINK_KEY, Duration.ofDays(1), Clock.systemUTC()).issue(UUID.fromString(member),
                LinkTokens.Purpose.PREFERENCES);

        HttpResponse<String> page = api.anonymous("GET", api.base() + "/preferences?token=" + encode(token), null,
                null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<option value=\"true\" selected=\"selected\">Count them</option>");

        String row = "token=" + encode(token) + "&tags=" + tag + "&frequency=immediate&match=any&minRelevance=0";
        HttpResponse<String> saved = api.anonymous("POST", api.base() + "/preferences", row + "&includeImplied=false",
                "application/x-www-form-urlencoded");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("<option value=\"false\" selected=\"selected\">Ignore them</option>");
        JsonNode subscription = TestApi.json(api.get("/api/v1/members/" + member)).get("subscriptions").get(0);
        assertThat(subscription.get("includeImplied").asBoolean()).isFalse();

        HttpResponse<String> invalid = api.anonymous("POST", api.base() + "/preferences", row + "&includeImplied=maybe",
                "application/x-www-form-urlencoded");
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    /**
     * The MoU as the tagger publishes it with the bundled taxonomy: critical-minerals
     * from its words, aluminium implied, relevance 2.
     */
    private static AnnouncementTagged mouWithImpliedAluminium(String run) {
        String url = "https://www.gov.uk/government/news/uk-and-us-sign-mou-" + run;
        List<Evidence> evidence = List.of(new Evidence("critical minerals", "title", 4.0),
                new Evidence("critical minerals", "summary", 2.0), new Evidence("mineral supply", "summary", 1.0));
        List<Evidence> chain = new ArrayList<>(evidence);
        chain.add(new Evidence(Evidence.Kind.IMPLIED, "critical-minerals", "tag", 0.8,
                "Aluminium is on the UK Critical Minerals List", null));
        return new AnnouncementTagged(AnnouncementIds.idFor(url), "test", null, url,
                "UK and US sign Memorandum of Understanding on critical minerals",
                "The UK and US have signed a Memorandum of Understanding to secure critical mineral supply chains.",
                null, Instant.parse("2026-02-04T10:00:00Z"), "Department for Business and Trade", "press_release",
                Instant.now(),
                List.of(new TagMatch("critical-minerals", 7.0, evidence), new TagMatch("aluminium", 5.6, chain, true)),
                2, "test", Instant.now());
    }

    private static AnnouncementTagged taggedAluminium(String run) {
        String url = "https://www.gov.uk/government/news/aluminium-" + run;
        return new AnnouncementTagged(AnnouncementIds.idFor(url), "test", null, url, "Aluminium smelter reopens", null,
                null, null, null, null, Instant.now(),
                List.of(new TagMatch("aluminium", 3.0, List.of(new Evidence("aluminium", "title", 3.0)))), 3, "test",
                Instant.now());
    }

    private AnnouncementTagged publish(AnnouncementTagged announcement) throws Exception {
        this.kafka.send(Topics.ANNOUNCEMENTS_TAGGED, announcement.id().toString(), announcement)
            .get(10, TimeUnit.SECONDS);
        return announcement;
    }

    private static String registerPartner(TestApi api, String name, String path, String extra) {
        HttpResponse<String> created = api.post("/api/v1/partners", """
                {"name":"%s","url":"%s","contactEmail":"ops@partner.example","tags":["aluminium"],"minRelevance":1%s}"""
            .formatted(name, receiver.url(path), extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestApi.json(created).get("id").asString();
    }

    /**
     * The deliveries of an announcement, once there are {@code count} and all are sent.
     */
    private static JsonNode awaitSent(TestApi api, AnnouncementTagged announcement, int count) {
        String path = "/api/v1/deliveries?announcementId=" + announcement.id();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = TestApi.json(api.get(path));
            assertThat(deliveries).hasSize(count);
            deliveries.forEach((delivery) -> assertThat(delivery.get("status").asString()).isEqualTo("sent"));
        });
        return TestApi.json(api.get(path));
    }

    private static List<RecordedRequest> requestsTo(String path) {
        return received.stream().filter((request) -> request.getUrl().encodedPath().equals(path)).toList();
    }

    private static List<MimeMessage> awaitMessages(String address, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients() != null
                    && Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().contains(address))) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static String member(String email, String subscription) {
        return "{\"email\":\"" + email + "\",\"subscriptions\":[" + subscription + "]}";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
