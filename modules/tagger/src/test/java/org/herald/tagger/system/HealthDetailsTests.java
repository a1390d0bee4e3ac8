package org.herald.tagger.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health over real HTTP: open to all (orchestrators probe it), its details (the broker's
 * cluster id, ...) only for a request with an admin key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "herald.admin-api-keys=admin-key", "herald.kafka.partitions=1" })
@EmbeddedKafka(partitions = 1, brokerProperties = { "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "auto.create.topics.enable=false" })
class HealthDetailsTests {

    @LocalServerPort
    int port;

    @Test
    void showsHealthToAllAndItsDetailsOnlyWithAnAdminKey() throws Exception {
        JsonNode anonymous = health(null);
        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.toString()).doesNotContain("details").doesNotContain("clusterId");
        assertThat(health("wrong-key").toString()).doesNotContain("details");

        JsonNode admin = health("admin-key");
        assertThat(admin.get("components").get("kafka").get("details").get("clusterId").asString()).isNotBlank();
    }

    private JsonNode health(String key) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

}
