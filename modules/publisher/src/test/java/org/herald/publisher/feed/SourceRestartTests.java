package org.herald.publisher.feed;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.AnnouncementIds;
import org.herald.publisher.PublisherApplication;
import org.herald.publisher.announcement.AnnouncementsTopic;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real restart: the publisher is started, polls a feed, is stopped, and is started
 * again on the same database and broker; the feed, served without validators, lists the
 * same entries all the while.
 */
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "auto.create.topics.enable=false" })
class SourceRestartTests {

    @Test
    void repeatsNoEntryAfterARestart(EmbeddedKafkaBroker broker) throws Exception {
        TestDatabase.Database database = TestDatabase.create();
        String p = SourcePollingTests.prefix();
        String path = "/" + p + "/feed.atom";
        try (FeedServer govUk = new FeedServer().start()) {
            govUk.route(path, (request) -> FeedServer.sample("gov-uk-dbt.atom", p, SourcePollingTests.ATOM));
            String id;
            try (ConfigurableApplicationContext first = start(broker, database)) {
                AdminHttp admin = admin(first);
                id = admin.createSource(p + "dbt", "gov-uk-atom", govUk.url(path), "1s");
                await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.status(id).get("entriesSeen").asLong()).isEqualTo(3));
            }
            int before = govUk.requests(path).size();

            try (ConfigurableApplicationContext second = start(broker, database)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> govUk.requests(path).size() >= before + 2);
                assertThat(admin(second).status(id).get("entriesSeen").asLong()).isEqualTo(3);
            }

            assertThat(records(broker, SourcePollingTests.steel(p))).hasSize(1);
            assertThat(records(broker, SourcePollingTests.consultation(p))).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, TestDatabase.Database database) {
        // Arguments, not default properties: these must win over the service's defaults.
        return new SpringApplicationBuilder(PublisherApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=", "--herald.admin-api-keys=admin-key",
                "--herald.publisher.sources.tick=100ms", "--herald.publisher.sources.min-interval=1s",
                "--herald.publisher.sources.first-poll-max-age=3650d",
                "--herald.publisher.sources.allowed-networks=127.0.0.0/8,::1");
    }

    private static AdminHttp admin(ConfigurableApplicationContext context) {
        return new AdminHttp(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "admin-key");
    }

    private static List<ConsumerRecord<String, String>> records(EmbeddedKafkaBroker broker, String url) {
        return new AnnouncementsTopic(broker.getBrokersAsString())
            .recordsWithKey(AnnouncementIds.idFor(url).toString());
    }

}
