package org.herald.publisher.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both GOV.UK feeds, served by a real HTTP server from the saved samples, polled into the
 * real broker.
 */
@SpringBootTest(properties = { "herald.publisher.feeds.gov-uk-atom.enabled=true",
        "herald.publisher.feeds.gov-uk-atom.interval=1h", "herald.publisher.feeds.gov-uk-search.enabled=true",
        "herald.publisher.feeds.gov-uk-search.interval=1h" })
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "auto.create.topics.enable=false" })
class FeedPollingTests {

    private static final MockWebServer govUk = new MockWebServer();

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private MeterRegistry meterRegistry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.register(registry);
        govUk.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/search/news-and-communications.atom" -> sample(SampleFeeds.ATOM, "application/atom+xml");
                    case "/api/search.json" -> sample(SampleFeeds.SEARCH, "application/json");
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        govUk.start(0);
        registry.add("herald.publisher.feeds.gov-uk-atom.url",
                () -> govUk.url("/search/news-and-communications.atom").toString());
        registry.add("herald.publisher.feeds.gov-uk-search.url",
                () -> govUk.url("/api/search.json?order=-public_timestamp&count=50").toString());
    }

    @AfterAll
    static void stop() {
        govUk.close();
    }

    @Test
    void publishesEachValidEntryOfBothFeedsOnce() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(polls("gov-uk-atom")).isEqualTo(1);
            assertThat(polls("gov-uk-search")).isEqualTo(1);
        });

        List<ConsumerRecord<String, String>> records = new AnnouncementsTopic(this.bootstrapServers).all();
        String mou = AnnouncementIds.idFor(SampleFeeds.MOU_URL).toString();
        String report = AnnouncementIds
            .idFor("https://www.gov.uk/government/news/sample-critical-minerals-intelligence-centre-report")
            .toString();
        String consultation = AnnouncementIds
            .idFor(govUk.url("/government/consultations/sample-battery-recycling-call-for-evidence").toString())
            .toString();
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(mou, report, consultation);
        JsonNode fromSearch = value(records, report);
        assertThat(fromSearch.get("source").asString()).isEqualTo("gov-uk-search");
        assertThat(fromSearch.get("organisation").asString()).isEqualTo("British Geological Survey");
        assertThat(fromSearch.get("documentType").asString()).isEqualTo("news_story");
        assertThat(fromSearch.get("publishedAt").asString()).isEqualTo("2026-02-01T07:00:00Z");
        JsonNode fromAtom = value(records, consultation);
        assertThat(fromAtom.get("source").asString()).isEqualTo("gov-uk-atom");
        assertThat(fromAtom.get("summary").asString()).isEqualTo("Views sought on battery recycling capacity.");
    }

    @Test
    void identifiesItselfToGovUk() throws InterruptedException {
        RecordedRequest request = govUk.takeRequest(30, TimeUnit.SECONDS);

        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("User-Agent")).startsWith("Herald-Publisher");
    }

    private double polls(String feed) {
        return this.meterRegistry.counter(FeedConfiguration.POLLS_METRIC, "feed", feed, "outcome", "ok").count();
    }

    private static JsonNode value(List<ConsumerRecord<String, String>> records, String key) {
        String value = records.stream().filter((record) -> record.key().equals(key)).findFirst().orElseThrow().value();
        return JsonMapper.shared().readTree(value);
    }

    private static MockResponse sample(String name, String contentType) {
        return new MockResponse.Builder().code(200)
            .addHeader("Content-Type", contentType)
            .body(new String(SampleFeeds.bytes(name), StandardCharsets.UTF_8))
            .build();
    }

}
