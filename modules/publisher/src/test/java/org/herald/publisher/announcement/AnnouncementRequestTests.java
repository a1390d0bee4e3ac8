package org.herald.publisher.announcement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.herald.publisher.announcement.PublisherHttp.Response;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.publisher.announcement.PublisherHttp.PUBLISH_PATH;
import static org.herald.publisher.announcement.SampleAnnouncements.mou;
import static org.herald.publisher.announcement.SampleAnnouncements.with;
import static org.herald.publisher.announcement.SampleAnnouncements.without;

/**
 * Every request the API refuses gets its status and an RFC 9457 problem detail, and
 * publishes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "herald.publisher.api-keys=publisher-key,second-key", "herald.admin-api-keys=admin-key",
                "herald.publisher.max-body-bytes=10000" })
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "auto.create.topics.enable=false" })
class AnnouncementRequestTests {

    private static final String KEY = "publisher-key";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @AfterEach
    void publishedNothing() {
        assertThat(this.jdbc.sql("SELECT count(*) FROM publisher.published_announcement").query(Long.class).single())
            .isZero();
    }

    @Test
    void refusesAPostWithoutAKey() {
        Response response = http().publish(mou(), null);

        assertProblem(response, 401);
        assertThat(response.json().get("detail").asString()).contains("herald.publisher.api-keys");
    }

    @Test
    void refusesAPostWithAnUnknownKey() {
        assertProblem(http().publish(mou(), "not-a-key"), 401);
        assertProblem(http().publish(mou(), "admin-key"), 401);
        assertProblem(http().post(PUBLISH_PATH, PublisherHttp.json(mou()), "application/json", KEY + "x"), 401);
    }

    @Test
    void listsEachMissingRequiredField() {
        Response response = http().publish(without(mou(), "source", "title", "url"), KEY);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("source", "title", "url");
    }

    @Test
    void listsBlankAndOverlongFields() {
        Map<String, Object> announcement = with(with(mou(), "title", "  "), "source", "s".repeat(101));

        Response response = http().publish(announcement, KEY);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("source", "title");
    }

    @Test
    void refusesControlCharactersTheDatabaseOrAMailHeaderCouldNotTake() {
        Map<String, Object> announcement = with(with(mou(), "source", "api:\u0000test"), "title", "Minerals\r\nBcc: x");

        Response response = http().publish(announcement, KEY);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("source", "title");
    }

    @Test
    void refusesAUrlThatIsNotAbsoluteHttp() {
        for (String url : List.of("ftp://www.gov.uk/news", "/government/news/critical-minerals", "not a url",
                "https:///no-host", "javascript:alert(1)")) {
            Response response = http().publish(with(mou(), "url", url), KEY);

            assertProblem(response, 400);
            assertThat(fields(response)).as(url).containsExactly("url");
        }
    }

    @Test
    void namesAPublishedAtThatIsNotAnInstant() {
        Response response = http().publish(with(mou(), "publishedAt", "4 February 2026"), KEY);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("publishedAt");
    }

    @Test
    void refusesMalformedJson() {
        assertProblem(http().post(PUBLISH_PATH, "{\"source\": \"api:test\", \"title\": ", "application/json", KEY),
                400);
        assertProblem(http().post(PUBLISH_PATH, "[1, 2]", "application/json", KEY), 400);
        assertProblem(http().post(PUBLISH_PATH, "", "application/json", KEY), 400);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertProblem(http().post(PUBLISH_PATH, "title=Critical minerals", "application/x-www-form-urlencoded", KEY),
                415);
        assertProblem(http().post(PUBLISH_PATH, PublisherHttp.json(mou()), "text/plain", KEY), 415);
    }

    @Test
    void refusesABodyOverTheLimitByItsContentLength() {
        Response response = http().publish(with(mou(), "body", "x".repeat(20_000)), KEY);

        assertProblem(response, 413);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] body = PublisherHttp.json(with(mou(), "body", "x".repeat(20_000))).getBytes(StandardCharsets.UTF_8);

        Response response = http().postChunked(PUBLISH_PATH, body, "application/json", KEY);

        assertProblem(response, 413);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (status == 400 && problem.has("errors")) {
            assertThat(problem.get("errors")).allSatisfy((error) -> {
                assertThat(error.get("field").asString()).isNotBlank();
                assertThat(error.get("message").asString()).isNotBlank();
            });
        }
    }

    private static List<String> fields(Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        return errors.valueStream().map((error) -> error.get("field").asString()).toList();
    }

    private PublisherHttp http() {
        return new PublisherHttp(this.port);
    }

}
