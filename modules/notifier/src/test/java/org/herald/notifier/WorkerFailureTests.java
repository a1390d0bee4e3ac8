package org.herald.notifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker survives an {@code Error} thrown in a send (issue 11). A broken SMTP server
 * answers the message with a reply line that never ends; the SMTP client's line buffer
 * grows until the heap (256 MB, the notifier in a JVM of its own) is spent and the send
 * throws an {@code OutOfMemoryError}. The delivery is retried at once, on its schedule,
 * and sent by the second attempt — not left {@code sending} until its lease (10 min here)
 * ends.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class WorkerFailureTests {

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    @Test
    void retriesADeliveryWhoseSendThrewAnError() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        List<String> settings = new ArrayList<>(smtp.arguments());
        settings.addAll(List.of("--herald.notifier.dispatch.lease=10m",
                "--herald.notifier.dispatch.poll-interval=100ms", "--herald.notifier.email.retry-schedule=0s,1s,1s"));
        try (NotifierJvm notifier = NotifierJvm.start("worker-failure", broker.getBrokersAsString(),
                TestDatabase.create(), List.of("-Xmx256m"), settings)) {
            TestApi api = notifier.api();
            String tag = "flood-" + Announcements.run();
            String address = tag + "@example.org";
            new TestMembers(api).create(address, TestMembers.sub(tag, null));
            smtp.floodAfterData(1);
            AnnouncementTagged announcement = Announcements.taggedWith(tag, 2);
            try (TestProducer producer = new TestProducer(broker.getBrokersAsString())) {
                producer.topic().publish(announcement);
            }

            JsonNode[] sent = new JsonNode[1];
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                JsonNode deliveries = api.deliveries(announcement.id());
                assertThat(deliveries).hasSize(1);
                assertThat(deliveries.get(0).get("status").asString()).isEqualTo("sent");
                sent[0] = deliveries.get(0);
            });
            assertThat(sent[0].get("attempts").asInt()).isEqualTo(2);
            assertThat(smtp.receivedBy(address)).hasSize(1);
            assertThat(notifier.output()).contains("failed unexpectedly; it will be retried")
                .contains("java.lang.OutOfMemoryError");
            assertThat(notifier.alive()).isTrue();
        }
    }

}
