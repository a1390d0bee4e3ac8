package org.herald.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries are rows of the ledger, not timers in memory: a retry that comes due while the
 * notifier is stopped is sent once it runs again, with the same {@code webhook-id}.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class WebhookRestartTests {

    @Test
    void aRetryDueWhileTheNotifierWasStoppedIsSentAfterItRestarts(EmbeddedKafkaBroker broker) throws Exception {
        TestDatabase.Database database = TestDatabase.create();
        List<RecordedRequest> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    received.add(request);
                    return new MockResponse.Builder().code((calls.incrementAndGet() == 1) ? 500 : 200).build();
                }
            });
            receiver.start();
            String[] args = { "--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
                    "--herald.admin-api-keys=" + TestApi.ADMIN_KEY, "--herald.kafka.partitions=1",
                    "--herald.notifier.dispatch.poll-interval=100ms",
                    "--herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
                    "--herald.notifier.webhooks.retry-schedule=0s,3s", "--herald.notifier.webhooks.retry-jitter=0" };

            AnnouncementTagged announcement = Announcements.taggedWith("restart", 1);
            String secret;
            String deliveryId;
            Instant due;
            try (ConfigurableApplicationContext first = start(args)) {
                TestApi api = api(first);
                secret = TestApi
                    .json(api.post("/api/v1/partners",
                            "{\"name\":\"Restart\",\"url\":\"" + receiver.url("/hook")
                                    + "\",\"contactEmail\":\"ops@example.org\",\"tags\":[\"restart\"]}"))
                    .get("secret")
                    .asString();
                @SuppressWarnings("unchecked")
                KafkaTemplate<String, Object> kafka = first.getBean(KafkaTemplate.class);
                kafka.send(Topics.ANNOUNCEMENTS_TAGGED, announcement.id().toString(), announcement)
                    .get(10, TimeUnit.SECONDS);
                JsonNode[] pending = new JsonNode[1];
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode deliveries = TestApi
                        .json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
                    assertThat(deliveries).hasSize(1);
                    JsonNode delivery = deliveries.get(0);
                    assertThat(delivery.get("status").asString()).isEqualTo("pending");
                    assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                    pending[0] = delivery;
                });
                deliveryId = pending[0].get("id").asString();
                due = Instant.parse(pending[0].get("nextAttemptAt").asString());
            }
            assertThat(calls.get()).isEqualTo(1);
            // The notifier is stopped; the retry comes due meanwhile.
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusMillis(500)));
            assertThat(calls.get()).isEqualTo(1);

            try (ConfigurableApplicationContext second = start(args)) {
                TestApi api = api(second);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode deliveries = TestApi
                        .json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
                    assertThat(deliveries).hasSize(1);
                    JsonNode delivery = deliveries.get(0);
                    assertThat(delivery.get("status").asString()).isEqualTo("sent");
                    assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
                });
            }
            assertThat(received).hasSize(2);
            assertThat(received).extracting((request) -> request.getHeaders().get("webhook-id"))
                .containsOnly(deliveryId);
            for (RecordedRequest request : received) {
                new Webhook(secret).verify(request.getBody().utf8(), request.getHeaders().toMultimap());
            }
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(NotifierApplication.class).run(args);
    }

    private static TestApi api(ConfigurableApplicationContext context) {
        return new TestApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

}
