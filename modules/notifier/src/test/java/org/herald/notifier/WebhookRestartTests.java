package org.herald.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.standardwebhooks.Webhook;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
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
        try (WebhookReceiver receiver = new WebhookReceiver().start()) {
            receiver.answer("/hook", (call) -> new MockResponse.Builder().code((call == 1) ? 500 : 200).build());
            List<String> settings = List.of("--herald.notifier.dispatch.poll-interval=100ms",
                    "--herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
                    "--herald.notifier.webhooks.retry-schedule=0s,3s", "--herald.notifier.webhooks.retry-jitter=0");

            AnnouncementTagged announcement = Announcements.taggedWith("restart", 1);
            String secret;
            String deliveryId;
            Instant due;
            try (ConfigurableApplicationContext first = NotifierProcess.start(broker.getBrokersAsString(), database,
                    settings)) {
                TestApi api = NotifierProcess.api(first);
                secret = TestApi
                    .json(api.post("/api/v1/partners",
                            "{\"name\":\"Restart\",\"url\":\"" + receiver.url("/hook")
                                    + "\",\"contactEmail\":\"ops@example.org\",\"tags\":[\"restart\"]}"))
                    .get("secret")
                    .asString();
                new TaggedTopic(NotifierProcess.kafka(first)).publish(announcement);
                JsonNode pending = api.awaitDelivery(announcement.id(), (delivery) -> {
                    assertThat(delivery.get("status").asString()).isEqualTo("pending");
                    assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                });
                deliveryId = pending.get("id").asString();
                due = Instant.parse(pending.get("nextAttemptAt").asString());
            }
            assertThat(receiver.calls("/hook")).isEqualTo(1);
            // The notifier is stopped; the retry comes due meanwhile.
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusMillis(500)));
            assertThat(receiver.calls("/hook")).isEqualTo(1);

            try (ConfigurableApplicationContext second = NotifierProcess.start(broker.getBrokersAsString(), database,
                    settings)) {
                JsonNode sent = NotifierProcess.api(second).awaitDelivery(announcement.id(), "sent");
                assertThat(sent.get("attempts").asInt()).isEqualTo(2);
            }
            List<RecordedRequest> received = receiver.received("/hook");
            assertThat(received).hasSize(2);
            assertThat(received).extracting((request) -> request.getHeaders().get("webhook-id"))
                .containsOnly(deliveryId);
            for (RecordedRequest request : received) {
                new Webhook(secret).verify(request.getBody().utf8(), request.getHeaders().toMultimap());
            }
        }
    }

}
