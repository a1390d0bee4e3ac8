package org.herald.notifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An announcement that matches 100,000 members is fanned out by a notifier whose heap is
 * 256 MB, in a JVM of its own: the ledger rows are written by SQL, never read into memory
 * (issue 11). The members and their subscriptions are seeded by SQL; nothing is sent (the
 * first attempt is an hour away), the rows are counted.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class FanOutMemoryTests {

    private static final int MEMBERS = 100_000;

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    @Test
    void fansOutToAHundredThousandMembersInA256MegabyteHeap() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        TestDatabase.Database database = TestDatabase.create();
        try (NotifierJvm notifier = NotifierJvm.start("fan-out", broker.getBrokersAsString(), database,
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), settings())) {
            seed(database);
            AnnouncementTagged announcement = Announcements.taggedWith("fan-out", 2);
            long started = System.nanoTime();
            try (TestProducer producer = new TestProducer(broker.getBrokersAsString())) {
                producer.topic().publish(announcement);
            }
            // Nine members in ten want it at once (an email each), every tenth daily (a
            // digest item); the weekly subscription that matches too changes neither.
            await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .failFast("the notifier exited (out of memory?)", () -> !notifier.alive())
                .untilAsserted(() -> {
                    assertThat(
                            count(database,
                                    "SELECT count(*) FROM notifier.delivery WHERE announcement_id = '"
                                            + announcement.id() + "' AND channel = 'email' AND status = 'pending'"))
                        .isEqualTo(MEMBERS * 9 / 10);
                    assertThat(count(database, "SELECT count(*) FROM notifier.digest_item WHERE announcement_id = '"
                            + announcement.id() + "' AND frequency = 'daily'"))
                        .isEqualTo(MEMBERS / 10);
                });
            assertThat(notifier.output()).doesNotContain("OutOfMemoryError");
            System.out.println("Fan-out of 1 announcement to " + MEMBERS + " members at -Xmx256m: " + (MEMBERS * 9 / 10)
                    + " email deliveries and " + (MEMBERS / 10) + " digest items written, "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms from publish to the last row");
        }
    }

    private static List<String> settings() {
        List<String> settings = new ArrayList<>(smtp.arguments());
        settings.addAll(List.of("--herald.notifier.email.retry-schedule=1h", "--logging.level.root=WARN",
                "--logging.level.org.herald.notifier.matching=INFO"));
        return settings;
    }

    /**
     * Four subscriptions a member that share a tag with the announcement, 400,000 in all
     * (as many as the old fan-out read into memory): one that matches at once (every
     * tenth member's daily), one weekly that matches too, one that wants a tag the
     * announcement lacks ({@code all}) and one that wants more relevance.
     */
    private static void seed(TestDatabase.Database database) throws SQLException {
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO notifier.member (id, email, name) SELECT gen_random_uuid(), 'member-' || i"
                    + " || '@example.org', 'Member ' || i FROM generate_series(1, " + MEMBERS + ") AS i");
            subscribe(sql, "ARRAY['fan-out', 'other'], 'any', 1,"
                    + " CASE WHEN email LIKE '%0@example.org' THEN 'daily' ELSE 'immediate' END");
            subscribe(sql, "ARRAY['fan-out'], 'all', 0, 'weekly'");
            subscribe(sql, "ARRAY['fan-out', 'absent'], 'all', 0, 'immediate'");
            subscribe(sql, "ARRAY['fan-out'], 'any', 3, 'immediate'");
            sql.execute("ANALYZE notifier.subscription");
        }
    }

    private static void subscribe(Statement sql, String values) throws SQLException {
        sql.execute("INSERT INTO notifier.subscription (id, member_id, tags, match_mode, min_relevance, frequency)"
                + " SELECT gen_random_uuid(), id, " + values + " FROM notifier.member");
    }

    private static long count(TestDatabase.Database database, String query) throws SQLException {
        try (Connection connection = connect(database);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(TestDatabase.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }

}
