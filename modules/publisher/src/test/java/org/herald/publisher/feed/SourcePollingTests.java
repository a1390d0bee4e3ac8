package org.herald.publisher.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.AnnouncementIds;
import org.herald.publisher.announcement.AnnouncementsTopic;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sources added through the admin API, polled from a real local HTTP server serving
 * GOV.UK-shaped fixtures, published to the real in-process broker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "herald.publisher.api-keys=publish-key", "herald.admin-api-keys=admin-key",
                "herald.publisher.sources.tick=100ms", "herald.publisher.sources.min-interval=1s",
                "herald.publisher.sources.first-poll-max-age=3650d",
                "herald.publisher.sources.allowed-networks=127.0.0.0/8,::1", "herald.publisher.sources.timeout=5s" })
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "auto.create.topics.enable=false" })
class SourcePollingTests {

    static final String ATOM = "application/atom+xml";

    static final String JSON_TYPE = "application/json";

    private static final FeedServer govUk = new FeedServer();

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private MeterRegistry meterRegistry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.register(registry);
        govUk.start();
    }

    @AfterAll
    static void stop() {
        govUk.close();
    }

    @Test
    void publishesEachNewEntryOnceAndRereadsNothingUnchanged() {
        String p = prefix();
        String path = "/" + p + "/search/news-and-communications.atom";
        govUk.route(path, (request) -> "\"v1\"".equals(request.getHeaders().get("If-None-Match"))
                ? new MockResponse.Builder().code(304).build()
                : FeedServer.sample("gov-uk-dbt.atom", p, ATOM).newBuilder().addHeader("ETag", "\"v1\"").build());
        String id = admin().createSource(p + "dbt", "gov-uk-atom",
                govUk.url(path) + "?organisations[]=department-for-business-and-trade", "1s");

        await().atMost(Duration.ofSeconds(30)).until(() -> govUk.requests(path).size() >= 3);

        assertThat(records(steel(p))).hasSize(1);
        assertThat(records(consultation(p))).hasSize(1);
        assertThat(records(page(p, "export-strategy-2015"))).as("older than the first-poll age").isEmpty();
        JsonNode steel = value(records(steel(p)).get(0));
        assertThat(steel.get("source").asString()).isEqualTo(p + "dbt");
        assertThat(steel.get("summary").asString())
            .isEqualTo("Tariff-rate quotas on steel imports are extended for two years.");
        assertThat(steel.get("revision").asInt()).isZero();
        List<FeedServer.Received> requests = govUk.requests(path);
        assertThat(requests.get(0).request().getUrl().queryParameter("organisations[]"))
            .isEqualTo("department-for-business-and-trade");
        assertThat(requests.get(0).request().getHeaders().get("User-Agent")).startsWith("Herald-Publisher");
        assertThat(requests.get(1).request().getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        JsonNode status = admin().status(id);
        assertThat(status.get("entriesSeen").asLong()).isEqualTo(3);
        assertThat(status.get("lastSuccessAt").isNull()).isFalse();
        assertThat(status.get("lastError").isNull()).isTrue();
        assertThat(
                this.meterRegistry.counter(SourceMetrics.POLLS, "source", p + "dbt", "outcome", "not-modified").count())
            .isPositive();
        assertThat(this.meterRegistry.get(SourceMetrics.ENTRIES_SEEN).tag("source", p + "dbt").gauge().value())
            .isEqualTo(3);
        assertThat(this.meterRegistry.get(SourceMetrics.LAST_SUCCESS).tag("source", p + "dbt").gauge().value())
            .isPositive();
    }

    @Test
    void reportsAMalformedFeedInItsStatusWithoutStoppingOtherSources() {
        String p = prefix();
        govUk.route("/" + p + "/bad.atom", (request) -> FeedServer.sample("malformed.atom", p, ATOM));
        govUk.route("/" + p + "/good.atom", (request) -> FeedServer.sample("gov-uk-dbt.atom", p, ATOM));
        String bad = admin().createSource(p + "bad", "feed", govUk.url("/" + p + "/bad.atom"), "1s");
        String good = admin().createSource(p + "good", "gov-uk-atom", govUk.url("/" + p + "/good.atom"), "1s");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = admin().status(bad);
            assertThat(status.get("lastError").asString()).contains("Not a readable feed");
            assertThat(status.get("consecutiveFailures").asInt()).isPositive();
            assertThat(status.get("lastSuccessAt").isNull()).isTrue();
            assertThat(admin().status(good).get("lastSuccessAt").isNull()).isFalse();
        });
        assertThat(records(steel(p))).hasSize(1);
    }

    @Test
    void waitsAsLongAsRetryAfterSaysAfterA429() {
        String p = prefix();
        String path = "/" + p + "/feed.atom";
        AtomicInteger calls = new AtomicInteger();
        govUk.route(path,
                (request) -> (calls.getAndIncrement() == 0)
                        ? new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build()
                        : FeedServer.sample("gov-uk-dbt.atom", p, ATOM));
        String id = admin().createSource(p + "throttled", "gov-uk-atom", govUk.url(path), "1s");

        await().atMost(Duration.ofSeconds(30)).until(() -> govUk.requests(path).size() >= 2);

        List<FeedServer.Received> requests = govUk.requests(path);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThan(Duration.ofMillis(2500));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = admin().status(id);
            assertThat(status.get("lastError").asString()).contains("HTTP 429").contains("Retry-After 3s");
            assertThat(status.get("lastSuccessAt").isNull()).isFalse();
        });
        assertThat(records(steel(p))).hasSize(1);
    }

    @Test
    void givesOneAnnouncementForTheSamePageFromAPostTheAtomFeedAndTheSearchApi() {
        String p = prefix();
        AdminHttp publisher = new AdminHttp(this.port, "publish-key");
        AdminHttp.Response posted = publisher.post("/api/v1/announcements",
                Map.of("source", "api:test", "url", steel(p), "title", "Steel safeguard measures extended", "summary",
                        "Posted by hand, in other words than GOV.UK's."));
        assertThat(posted.status()).isEqualTo(202);
        govUk.route("/" + p + "/feed.atom", (request) -> FeedServer.sample("gov-uk-dbt.atom", p, ATOM));
        govUk.route("/" + p + "/api/search.json",
                (request) -> FeedServer.sample("gov-uk-dbt-search.json", p, JSON_TYPE));
        String atom = admin().createSource(p + "atom", "gov-uk-atom", govUk.url("/" + p + "/feed.atom"), "1s");
        String search = admin().createSource(p + "search", "gov-uk-search", govUk.url("/" + p
                + "/api/search.json?filter_organisations=department-for-business-and-trade&order=-public_timestamp"
                + "&fields=title,link,description,public_timestamp,organisations,content_store_document_type"), "1s");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(admin().status(atom).get("entriesSeen").asLong()).isEqualTo(3);
            assertThat(admin().status(search).get("entriesSeen").asLong()).isEqualTo(2);
        });

        assertThat(records(steel(p))).hasSize(1);
        assertThat(value(records(steel(p)).get(0)).get("source").asString()).isEqualTo("api:test");
        assertThat(records(page(p, "critical-minerals-refining-fund"))).hasSize(1);
        assertThat(records(consultation(p))).hasSize(1);
    }

    @Test
    void publishesAnUpdatedAtomEntryAsAMajorUpdateOnceWhicheverSourceSeesItNext() {
        String p = prefix();
        AtomicBoolean updated = new AtomicBoolean();
        govUk.route("/" + p + "/feed.atom",
                (request) -> FeedServer.sample(updated.get() ? "gov-uk-dbt-updated.atom" : "gov-uk-dbt.atom", p, ATOM));
        String id = admin().createSource(p + "atom", "gov-uk-atom", govUk.url("/" + p + "/feed.atom"), "1s");
        await().atMost(Duration.ofSeconds(30)).until(() -> records(steel(p)).size() == 1);

        updated.set(true);

        await().atMost(Duration.ofSeconds(30)).until(() -> records(steel(p)).size() == 2);
        JsonNode update = value(records(steel(p)).get(1));
        assertThat(update.get("revision").asInt()).isEqualTo(1);
        assertThat(update.get("updateType").asString()).isEqualTo("MAJOR");
        assertThat(update.get("summary").asString()).contains("quota volumes for 2027 added");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(admin().status(id).get("entriesSeen").asLong()).isEqualTo(4));
        assertThat(records(steel(p))).hasSize(2);
        assertThat(records(consultation(p))).hasSize(1);
    }

    @Test
    void pagesTheSearchApiBackToTheLastEntrySeenAfterAnOutage() {
        String p = prefix();
        String path = "/" + p + "/api/search.json";
        AtomicBoolean later = new AtomicBoolean();
        govUk.route(path, (request) -> {
            String start = request.getUrl().queryParameter("start");
            List<String> days = !later.get() ? List.of("02", "01")
                    : (start == null) ? List.of("05", "04") : List.of("03", "02");
            return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", JSON_TYPE)
                .body(SearchResults.of(p, days))
                .build();
        });
        String id = admin().createSource(p + "search", "gov-uk-search",
                govUk.url(path + "?order=-public_timestamp&count=2"), "1s");
        await().atMost(Duration.ofSeconds(30)).until(() -> records(SearchResults.page(p, "02")).size() == 1);

        later.set(true);

        await().atMost(Duration.ofSeconds(30)).until(() -> records(SearchResults.page(p, "03")).size() == 1);
        assertThat(records(SearchResults.page(p, "05"))).hasSize(1);
        assertThat(records(SearchResults.page(p, "02"))).hasSize(1);
        assertThat(govUk.requests(path))
            .anySatisfy((request) -> assertThat(request.request().getUrl().queryParameter("start")).isEqualTo("2"));
        assertThat(admin().status(id).get("possibleGap").isNull()).isTrue();
    }

    @Test
    void reportsAPossibleGapWhenAFeedListsNothingSeenBefore() {
        String p = prefix();
        AtomicBoolean later = new AtomicBoolean();
        String early = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                  <id>https://www.gov.uk/search/news-and-communications</id>
                  <title>News and communications - Activity on GOV.UK</title>
                  <updated>2026-11-01T09:00:00+00:00</updated>
                  <entry>
                    <id>https://www.gov.uk/government/news/%1$snotice-of-01-november#2026-11-01T09:00:00Z</id>
                    <updated>2026-11-01T09:00:00+00:00</updated>
                    <link rel="alternate" type="text/html" href="https://www.gov.uk/government/news/%1$snotice-of-01-november"/>
                    <title>Notice of 1 November</title>
                  </entry>
                </feed>
                """
            .formatted(p);
        govUk.route("/" + p + "/feed.atom",
                (request) -> later.get() ? FeedServer.sample("gov-uk-dbt-updated.atom", p + "later-", ATOM)
                        : new MockResponse.Builder().code(200).addHeader("Content-Type", ATOM).body(early).build());
        String id = admin().createSource(p + "atom", "gov-uk-atom", govUk.url("/" + p + "/feed.atom"), "1s");
        await().atMost(Duration.ofSeconds(30)).until(() -> records(SearchResults.page(p, "01")).size() == 1);

        later.set(true);

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(admin().status(id).get("possibleGap").asString())
                .startsWith("Possible gap: none of the 2 entries in the feed had been seen before")
                .contains("after 2026-11-01T09:00:00Z"));
        assertThat(records(steel(p + "later-"))).hasSize(1);
    }

    @Test
    void refusesInternalAddressesAndBadInputWithProblemDetails() {
        AdminHttp.Response metadata = admin().post("/api/v1/sources", Map.of("name", "metadata", "kind", "feed", "url",
                "http://169.254.169.254/latest/meta-data", "interval", "5m"));
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.contentType()).startsWith("application/problem+json");
        assertThat(metadata.body()).contains("url").contains("cloud metadata");
        AdminHttp.Response privateNetwork = admin().post("/api/v1/sources",
                Map.of("name", "private", "kind", "feed", "url", "http://10.1.2.3/feed.atom"));
        assertThat(privateNetwork.status()).isEqualTo(400);
        assertThat(privateNetwork.body()).contains("private address");
        AdminHttp.Response kind = admin().post("/api/v1/sources",
                Map.of("name", "kind", "kind", "rss", "url", "https://www.gov.uk/x.atom"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body()).contains("gov-uk-atom, gov-uk-search, feed");
        AdminHttp.Response often = admin().post("/api/v1/sources",
                Map.of("name", "often", "kind", "feed", "url", "https://www.gov.uk/x.atom", "interval", "10ms"));
        assertThat(often.status()).isEqualTo(400);
        assertThat(often.body()).contains("interval");
        assertThat(new AdminHttp(this.port, "wrong-key").get("/api/v1/sources").status()).isEqualTo(401);
    }

    @Test
    void managesSources() {
        String p = prefix();
        String id = admin().createSource(p + "managed", "gov-uk-search",
                "https://www.gov.uk/api/search.json?order=-public_timestamp", "1h");
        assertThat(admin()
            .post("/api/v1/sources", Map.of("name", p + "managed", "kind", "feed", "url", "https://www.gov.uk/y.atom"))
            .status()).isEqualTo(409);
        AdminHttp.Response changed = admin().put("/api/v1/sources/" + id,
                Map.of("name", p + "managed", "kind", "gov-uk-search", "url",
                        "https://www.gov.uk/api/search.json?count=20", "interval", "30m", "enabled", false));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("interval").asString()).isEqualTo("PT30M");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(admin().get("/api/v1/sources")
            .json()
            .get("items")
            .valueStream()
            .map((source) -> source.get("id").asString())).contains(id);
        assertThat(admin().delete("/api/v1/sources/" + id).status()).isEqualTo(204);
        AdminHttp.Response gone = admin().get("/api/v1/sources/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
    }

    private AdminHttp admin() {
        return new AdminHttp(this.port, "admin-key");
    }

    private List<ConsumerRecord<String, String>> records(String url) {
        return new AnnouncementsTopic(this.bootstrapServers).recordsWithKey(AnnouncementIds.idFor(url).toString());
    }

    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static String steel(String p) {
        return page(p, "steel-safeguard-measures-extended");
    }

    static String consultation(String p) {
        return "https://www.gov.uk/government/consultations/" + p + "trade-remedies-call-for-evidence";
    }

    static String page(String p, String slug) {
        return "https://www.gov.uk/government/news/" + p + slug;
    }

    static JsonNode value(ConsumerRecord<String, String> record) {
        return JsonMapper.shared().readTree(record.value());
    }

}
