package org.herald.notifier;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email deferred by a 4xx is not lost when the notifier stops: the retry is a row in
 * the ledger, and the next notifier process on the same database delivers it.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class DeferredEmailRestartTests {

    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    static final AtomicBoolean accepting = new AtomicBoolean();

    static {
        smtp.onRcpt((address) -> accepting.get() ? "250 2.1.5 OK" : "451 4.7.1 Greylisted, try again later");
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
    }

    @Test
    void deliversAnEmailDeferredBy4xxAfterTheNotifierRestarts() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        TestDatabase.Database database = TestDatabase.create();
        String address = "greylisted-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AnnouncementTagged announcement = Announcements.taggedWith("greylisting", 1);

        try (ConfigurableApplicationContext first = start(broker, database)) {
            TestApi api = api(first);
            api.createMember("{\"email\":\"" + address + "\",\"subscriptions\":[{\"tags\":[\"greylisting\"]}]}");
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, Object> kafka = first.getBean(KafkaTemplate.class);
            kafka.send(Topics.ANNOUNCEMENTS_TAGGED, announcement.id().toString(), announcement)
                .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode delivery = delivery(api, announcement);
                assertThat(delivery.get("status").asString()).isEqualTo("pending");
                assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(delivery.get("lastError").asString()).contains("451");
            });
        }
        assertThat(smtp.receivedBy(address)).isEmpty();

        accepting.set(true);
        try (ConfigurableApplicationContext second = start(broker, database)) {
            TestApi api = api(second);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode delivery = delivery(api, announcement);
                assertThat(delivery.get("status").asString()).isEqualTo("sent");
                assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            });
        }
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, TestDatabase.Database database) {
        return new SpringApplicationBuilder(NotifierApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                "--herald.admin-api-keys=" + TestApi.ADMIN_KEY, "--herald.kafka.partitions=1",
                "--herald.notifier.dispatch.poll-interval=100ms",
                "--herald.notifier.email.retry-schedule=0s,2s,2s,2s,2s,2s,2s,2s,2s,2s");
    }

    private static TestApi api(ConfigurableApplicationContext context) {
        return new TestApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static JsonNode delivery(TestApi api, AnnouncementTagged announcement) {
        JsonNode deliveries = TestApi.json(api.get("/api/v1/deliveries?announcementId=" + announcement.id()));
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

}
