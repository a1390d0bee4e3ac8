package org.herald.notifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

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
 * Emails claimed ahead of the workers are not sent once a sent mark has failed: a
 * database outage repeats only the sends under way when it began, as a crash does. Two
 * workers and two emails claimed ahead; while the workers hold their first two emails at
 * the SMTP server, the ledger starts refusing every claim and every sent mark (a check
 * constraint on the delivery's status, so the database answers with an error as it does
 * when it is going away). The two emails sent have no mark; the two claimed ahead are put
 * back {@code pending}, unsent. Once the ledger takes writes again, the two put back are
 * sent once and the two unmarked ones once more after their lease: 2 repeated, the
 * workers' number, not 4.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class ClaimedAheadOutageTests {

    private static final String REFUSE_WRITES = "ALTER TABLE notifier.delivery ADD CONSTRAINT outage_test"
            + " CHECK (status NOT IN ('sending', 'sent')) NOT VALID";

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    @Test
    void emailsClaimedAheadAreNotSentOnceASentMarkFailed() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        TestDatabase.Database database = TestDatabase.create();
        List<String> settings = new ArrayList<>(smtp.arguments());
        settings.addAll(List.of("--herald.notifier.email.concurrency=2", "--herald.notifier.dispatch.lease=5s",
                "--herald.notifier.dispatch.poll-interval=100ms"));
        String tag = "outage-" + Announcements.run();
        CountDownLatch gate = new CountDownLatch(1);
        Set<String> held = ConcurrentHashMap.newKeySet();
        smtp.onRcpt((address) -> {
            if (address.startsWith(tag) && gate.getCount() > 0) {
                held.add(address);
                awaitQuietly(gate);
            }
            return "250 OK";
        });
        try (NotifierJvm notifier = NotifierJvm.start("claimed-ahead-outage", broker.getBrokersAsString(), database,
                List.of(), settings)) {
            TestApi api = notifier.api();
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                addresses.add(tag + "-" + i + "@example.org");
                new TestMembers(api).create(addresses.get(i), TestMembers.sub(tag, null));
            }
            AnnouncementTagged announcement = Announcements.taggedWith(tag, 2);
            try (TestProducer producer = new TestProducer(broker.getBrokersAsString())) {
                producer.topic().publish(announcement);
            }
            // The two workers' emails held at RCPT; all four claimed, two of them ahead.
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                assertThat(held).hasSize(2);
                assertThat(statuses(api, announcement)).containsExactly("sending", "sending", "sending", "sending");
            });

            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute(REFUSE_WRITES);
                gate.countDown();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(notifier.output()).contains("Could not record the outcome");
                    assertThat(statuses(api, announcement)).containsExactly("pending", "pending", "sending", "sending");
                });
                assertThat(smtp.received()).hasSize(2);
                statement.execute("ALTER TABLE notifier.delivery DROP CONSTRAINT outage_test");
            }

            await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(statuses(api, announcement)).containsOnly("sent").hasSize(4));
            for (String address : addresses) {
                int expected = held.contains(address) ? 2 : 1;
                assertThat(smtp.receivedBy(address)).as(address).hasSize(expected);
            }
        }
    }

    /** The statuses of the announcement's deliveries, sorted. */
    private static List<String> statuses(TestApi api, AnnouncementTagged announcement) {
        JsonNode deliveries = api.deliveries(announcement.id());
        return StreamSupport.stream(deliveries.spliterator(), false)
            .map((delivery) -> delivery.get("status").asString())
            .sorted()
            .toList();
    }

    private static Connection connect(TestDatabase.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await(1, TimeUnit.MINUTES);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
