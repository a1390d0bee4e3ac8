package org.herald.publisher.announcement;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.AnnouncementIds;
import org.herald.events.Topics;
import org.herald.publisher.PublisherApplication;
import org.herald.publisher.announcement.PublisherHttp.Response;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.publisher.announcement.SampleAnnouncements.mou;
import static org.herald.publisher.announcement.SampleAnnouncements.with;

/**
 * Publishing through the HTTP API onto a real in-process broker, with the ledger in a
 * real PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "herald.publisher.api-keys=publisher-key", "herald.admin-api-keys=admin-key" })
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "auto.create.topics.enable=false" })
class AnnouncementPublishingTests {

    private static final String KEY = "publisher-key";

    private static TestDatabase.Database database;

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meterRegistry;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.register(registry);
    }

    @Test
    void acceptsAnnouncementOnceTheBrokerHasItAndWritesItToTheTopic() {
        Map<String, Object> announcement = mou();
        String id = AnnouncementIds.idFor((String) announcement.get("url")).toString();

        Response response = http().publish(announcement, KEY);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
        assertThat(response.json().get("duplicate").asBoolean()).isFalse();
        List<ConsumerRecord<String, String>> records = topic().recordsWithKey(id);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(new String(record.headers().lastHeader("__TypeId__").value(), StandardCharsets.UTF_8))
            .isEqualTo(Topics.TYPE_ANNOUNCEMENT_PUBLISHED);
        JsonNode value = JsonMapper.shared().readTree(record.value());
        assertThat(value.get("id").asString()).isEqualTo(id);
        for (String field : List.of("source", "externalId", "url", "title", "summary", "body", "organisation",
                "documentType")) {
            assertThat(value.get(field).asString()).as(field).isEqualTo(announcement.get(field));
        }
        assertThat(value.get("publishedAt").asString()).isEqualTo("2026-02-04T09:30:00Z");
        assertThat(value.get("receivedAt").asString()).isNotBlank();
        assertThat(rowsFor(id)).isEqualTo(1);
    }

    @Test
    void answersDuplicateAndPublishesNothingForAnAnnouncementPostedTwice() {
        Map<String, Object> announcement = mou();
        String id = http().publish(announcement, KEY).json().get("id").asString();

        Response second = http().publish(announcement, KEY);

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(id);
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(topic().recordsWithKey(id)).hasSize(1);
    }

    @Test
    void publishesAPostWithOtherContentFromTheSameSourceAsAnUpdate() {
        Map<String, Object> announcement = mou();
        String id = http().publish(announcement, KEY).json().get("id").asString();

        Response minor = http().publish(with(announcement, "summary", "The UK and US have agreed (corrected)."), KEY);
        Map<String, Object> major = with(
                with(with(announcement, "summary", "Annex B: the minerals covered."), "updateType", "major"),
                "changeNote", "Annex B added");
        Response majorResponse = http().publish(major, KEY);
        Response again = http().publish(major, KEY);
        Response otherSource = http().publish(with(with(announcement, "source", "api:other"), "summary", "Other words"),
                KEY);

        assertThat(minor.status()).as(minor.toString()).isEqualTo(202);
        assertThat(minor.json().get("revision").asInt()).isEqualTo(1);
        assertThat(majorResponse.json().get("revision").asInt()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("revision").asInt()).isEqualTo(2);
        assertThat(otherSource.json().get("duplicate").asBoolean()).as("texts of other sources are not compared")
            .isTrue();
        List<JsonNode> records = topic().recordsWithKey(id)
            .stream()
            .map((record) -> JsonMapper.shared().readTree(record.value()))
            .toList();
        assertThat(records).extracting((record) -> record.get("revision").asInt()).containsExactly(0, 1, 2);
        assertThat(records.get(1).get("updateType").asString()).isEqualTo("MINOR");
        assertThat(records.get(2).get("updateType").asString()).isEqualTo("MAJOR");
        assertThat(records.get(2).get("changeNote").asString()).isEqualTo("Annex B added");
    }

    @Test
    void carriesTheAssociationsCommentaryOnTheEventAndCapsItsLength() {
        Map<String, Object> announcement = with(with(mou(), "url", mou().get("url") + "-commentary"), "commentary",
                "Aluminium is on the **UK Critical Minerals List**.");
        String id = http().publish(announcement, KEY).json().get("id").asString();

        JsonNode record = JsonMapper.shared().readTree(topic().recordsWithKey(id).get(0).value());
        assertThat(record.get("commentary").asString()).isEqualTo("Aluminium is on the **UK Critical Minerals List**.");
        Response tooLong = http().publish(with(announcement, "commentary", "x".repeat(4001)), KEY);
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.toString()).contains("commentary");
    }

    @Test
    void namesTheAnnouncementsItFollowsUpByTheirIds() {
        Map<String, Object> mou = mou();
        String mouUrl = (String) mou.get("url");
        String mouId = AnnouncementIds.idFor(mouUrl).toString();
        String other = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Map<String, Object> ministerial = with(
                with(with(mou, "url", mouUrl + "-ministerial"), "title",
                        "Mining, Minerals and Metals Investment Ministerial"),
                "follows",
                List.of(mouUrl.replace("https://www.gov.uk", "http://WWW.GOV.UK") + "/?utm_source=x", other));
        String id = http().publish(ministerial, KEY).json().get("id").asString();

        JsonNode record = JsonMapper.shared().readTree(topic().recordsWithKey(id).get(0).value());
        assertThat(record.get("follows")).extracting(JsonNode::asString).containsExactly(mouId, other);
        Response invalid = http().publish(with(ministerial, "follows", List.of("javascript:alert(1)")), KEY);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    }

    @Test
    void refusesAnUnknownUpdateType() {
        Response response = http().publish(with(mou(), "updateType", "huge"), KEY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("updateType");
    }

    @Test
    void answersDuplicateForTheSamePageFromAnotherSourceOrAtAVariantOfItsUrl() {
        String path = "/government/news/critical-minerals-" + UUID.randomUUID();
        Map<String, Object> announcement = mou("https://www.gov.uk" + path);
        String id = http().publish(announcement, KEY).json().get("id").asString();

        List<Map<String, Object>> samePage = List.of(with(announcement, "source", "gov-uk-atom"),
                with(announcement, "url", "http://www.gov.uk" + path),
                with(announcement, "url", "https://WWW.GOV.UK" + path),
                with(announcement, "url", "https://www.gov.uk" + path + "?utm_source=email"),
                with(announcement, "url", "https://www.gov.uk" + path + "/"),
                with(with(announcement, "source", "gov-uk-search"), "url", "http://www.GOV.uk" + path + "/#top"));
        for (Map<String, Object> variant : samePage) {
            Response response = http().publish(variant, KEY);
            assertThat(response.status()).as(variant.get("url") + " " + response).isEqualTo(200);
            assertThat(response.json().get("id").asString()).isEqualTo(id);
            assertThat(response.json().get("duplicate").asBoolean()).isTrue();
        }
        assertThat(topic().recordsWithKey(id)).hasSize(1);
    }

    @Test
    void publishesConcurrentPostsOfOneNewAnnouncementExactlyOnce() {
        Map<String, Object> announcement = mou();
        String id = AnnouncementIds.idFor((String) announcement.get("url")).toString();
        PublisherHttp http = http();

        List<Response> responses = IntStream.range(0, 8)
            .mapToObj((i) -> CompletableFuture.supplyAsync(() -> http.publish(announcement, KEY)))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

        assertThat(responses).extracting(Response::status)
            .containsOnly(200, 202)
            .filteredOn((s) -> s == 202)
            .hasSize(1);
        assertThat(responses).allSatisfy((response) -> assertThat(response.json().get("id").asString()).isEqualTo(id));
        assertThat(responses).filteredOn((response) -> response.json().get("duplicate").asBoolean()).hasSize(7);
        assertThat(topic().recordsWithKey(id)).hasSize(1);
        assertThat(rowsFor(id)).isEqualTo(1);
    }

    @Test
    void countsPublishedAndDuplicateAnnouncements() {
        double published = count("published");
        double duplicate = count("duplicate");
        Map<String, Object> announcement = mou();

        http().publish(announcement, KEY);
        http().publish(announcement, KEY);

        assertThat(count("published")).isEqualTo(published + 1);
        assertThat(count("duplicate")).isEqualTo(duplicate + 1);
    }

    @Test
    void reportsTheDatabaseAndTheBrokerInHealth() {
        Response health = http().get("/actuator/health", null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void answers503WithinTheSendTimeoutAndKeepsNothingWhenTheBrokerIsUnreachable() throws IOException {
        Map<String, Object> announcement = mou();
        String id = AnnouncementIds.idFor((String) announcement.get("url")).toString();
        double failed = count("failed");
        try (ConfigurableApplicationContext unreachable = startPublisher("localhost:" + closedPort(), "2s")) {
            PublisherHttp http = new PublisherHttp(portOf(unreachable));

            long start = System.nanoTime();
            Response response = http.publish(announcement, KEY);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(503);
            assertThat(response.retryAfter()).isEqualTo("2");
            assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
            assertThat(unreachable.getBean(MeterRegistry.class)
                .counter(PublishingMetrics.NAME, "outcome", "failed")
                .count()).isEqualTo(1);
        }
        assertThat(count("failed")).isEqualTo(failed);
        assertThat(rowsFor(id)).isZero();
        assertThat(topic().recordsWithKey(id)).isEmpty();
        assertThat(http().publish(announcement, KEY).status()).as("a retry once the broker is back").isEqualTo(202);
    }

    @Test
    void remembersPublishedAnnouncementsAcrossARestart() {
        Map<String, Object> announcement = mou();
        String id = http().publish(announcement, KEY).json().get("id").asString();

        try (ConfigurableApplicationContext restarted = startPublisher(this.bootstrapServers, "5s")) {
            Response response = new PublisherHttp(portOf(restarted))
                .publish(with(announcement, "source", "gov-uk-atom"), KEY);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("duplicate").asBoolean()).isTrue();
        }
        assertThat(topic().recordsWithKey(id)).hasSize(1);
    }

    /**
     * Issue 14: the publisher keeps its record of what it published (id, source, content
     * hash) forever and holds no page text to prune; a page first published years ago and
     * offered again, by its source or another, is still a duplicate.
     */
    @Test
    void answersDuplicateForAPagePublishedYearsAgo() {
        Map<String, Object> announcement = mou();
        String id = http().publish(announcement, KEY).json().get("id").asString();
        this.jdbc.sql("""
                UPDATE publisher.published_announcement
                SET received_at = now() - interval '10 years', changed_at = now() - interval '10 years'
                WHERE id = CAST(:id AS uuid)
                """).param("id", id).update();
        assertThat(this.jdbc.sql("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'publisher' AND table_name = 'published_announcement'
                  AND column_name IN ('title', 'summary', 'body')
                """).query(Long.class).single()).as("no page text is stored").isZero();

        Response again = http().publish(announcement, KEY);
        Response elsewhere = http().publish(with(announcement, "source", "gov-uk-atom"), KEY);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(elsewhere.json().get("duplicate").asBoolean()).isTrue();
        assertThat(topic().recordsWithKey(id)).hasSize(1);
    }

    /**
     * Another publisher process, as it were: a new application context on the same
     * database.
     */
    private ConfigurableApplicationContext startPublisher(String bootstrapServers, String sendTimeout) {
        return new SpringApplicationBuilder(PublisherApplication.class).run("--server.port=0",
                "--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.admin.auto-create=false", "--herald.publisher.send-timeout=" + sendTimeout,
                "--herald.publisher.api-keys=" + KEY, "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=");
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private double count(String outcome) {
        return this.meterRegistry.counter(PublishingMetrics.NAME, "outcome", outcome).count();
    }

    private long rowsFor(String id) {
        return this.jdbc.sql("SELECT count(*) FROM publisher.published_announcement WHERE id = ?")
            .param(UUID.fromString(id))
            .query(Long.class)
            .single();
    }

    private PublisherHttp http() {
        return new PublisherHttp(this.port);
    }

    private AnnouncementsTopic topic() {
        return new AnnouncementsTopic(this.bootstrapServers);
    }

}
