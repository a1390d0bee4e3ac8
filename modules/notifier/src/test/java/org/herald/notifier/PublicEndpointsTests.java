package org.herald.notifier;

import java.net.http.HttpResponse;

import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the notifier shows without a key — the OpenAPI description, Swagger UI, health —
 * holds no member data, and health's details need an admin key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "herald.admin-api-keys=" + TestApi.ADMIN_KEY, "herald.kafka.partitions=1",
                // No SMTP server here: its health would be down.
                "management.health.mail.enabled=false" })
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "auto.create.topics.enable=false" })
class PublicEndpointsTests {

    private static final String EMAIL = "open.endpoints@member.example";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void showNoMemberDataAndHealthDetailsOnlyWithAnAdminKey() {
        TestApi api = new TestApi(this.port);
        api.createMember("""
                {"email":"%s","name":"Ada Open","organisation":"Open Ltd","subscriptions":[{"tags":["mining"]}]}"""
            .formatted(EMAIL));

        for (String path : new String[] { "/v3/api-docs", "/swagger-ui/index.html", "/actuator/health" }) {
            HttpResponse<String> open = api.get(path, null);
            assertThat(open.statusCode()).as(path).isEqualTo(200);
            assertThat(open.body()).as(path)
                .doesNotContain(EMAIL)
                .doesNotContain("Ada Open")
                .doesNotContain("Open Ltd");
        }
        HttpResponse<String> health = api.get("/actuator/health", null);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("\"details\"");
        HttpResponse<String> healthWithKey = api.get("/actuator/health", TestApi.ADMIN_KEY);
        assertThat(healthWithKey.body()).contains("\"details\"").contains("clusterId");
        assertThat(api.get("/api/v1/members", null).statusCode()).isEqualTo(401);
    }

}
