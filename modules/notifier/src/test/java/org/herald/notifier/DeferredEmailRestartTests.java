package org.herald.notifier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email deferred by a 4xx is not lost when the notifier stops: the retry is a row in
 * the ledger, and the next notifier process on the same database delivers it.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class DeferredEmailRestartTests {

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    static final AtomicBoolean accepting = new AtomicBoolean();

    static {
        smtp.onRcpt((address) -> accepting.get() ? "250 2.1.5 OK" : "451 4.7.1 Greylisted, try again later");
    }

    @Test
    void deliversAnEmailDeferredBy4xxAfterTheNotifierRestarts() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        TestDatabase.Database database = TestDatabase.create();
        String address = "greylisted-" + Announcements.run() + "@example.org";
        AnnouncementTagged announcement = Announcements.taggedWith("greylisting", 1);

        try (ConfigurableApplicationContext first = start(broker, database)) {
            TestApi api = NotifierProcess.api(first);
            new TestMembers(api).create(address, TestMembers.sub("greylisting", null));
            new TaggedTopic(NotifierProcess.kafka(first)).publish(announcement);
            api.awaitDelivery(announcement.id(), (delivery) -> {
                assertThat(delivery.get("status").asString()).isEqualTo("pending");
                assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(delivery.get("lastError").asString()).contains("451");
            });
        }
        assertThat(smtp.receivedBy(address)).isEmpty();

        accepting.set(true);
        try (ConfigurableApplicationContext second = start(broker, database)) {
            JsonNode sent = NotifierProcess.api(second).awaitDelivery(announcement.id(), "sent");
            assertThat(sent.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        }
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, TestDatabase.Database database) {
        List<String> settings = new ArrayList<>(smtp.arguments());
        settings.addAll(List.of("--herald.notifier.dispatch.poll-interval=100ms",
                "--herald.notifier.email.retry-schedule=0s,2s,2s,2s,2s,2s,2s,2s,2s,2s"));
        return NotifierProcess.start(broker.getBrokersAsString(), database, settings);
    }

}
