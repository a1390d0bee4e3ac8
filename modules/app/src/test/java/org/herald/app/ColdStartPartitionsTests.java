package org.herald.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.herald.events.AnnouncementIds;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cold start of issue 11: a fresh broker that, like Kafka out of the box, makes a
 * topic of one partition on first use, and the services started in the order that raced
 * (the notifier first, subscribing before the tagger wrote anything). Announcements keyed
 * to every partition of the tagged topic are published at once, and every one is
 * delivered: none waits for a consumer's metadata refresh.
 */
class ColdStartPartitionsTests {

    private static final int PARTITIONS = 3;

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private EmbeddedKafkaKraftBroker broker;

    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (this.pipeline != null) {
            this.pipeline.close();
        }
        if (this.broker != null) {
            this.broker.destroy();
        }
    }

    @Test
    void deliversAnnouncementsOnEveryPartitionRightAfterAColdStart() throws Exception {
        this.broker = new EmbeddedKafkaKraftBroker(1, 1);
        this.broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        this.broker.afterPropertiesSet();
        TestDatabase.Database database = TestDatabase.create();
        this.pipeline = new Pipeline(this.broker.getBrokersAsString(), database.jdbcUrl(), database.username(), "",
                mail.getSmtp().getPort(), "--herald.kafka.partitions=" + PARTITIONS);
        Pipeline.Response member = this.pipeline.notifier("POST", "/api/v1/members",
                """
                        {"email":"buyer@alumina.example","name":"A member","subscriptions":[{"tags":["critical-minerals"]}]}""");
        assertThat(member.status()).as(member.body()).isEqualTo(201);

        Map<Integer, String> urlByPartition = oneUrlPerPartition();
        for (String url : urlByPartition.values()) {
            Pipeline.Response published = this.pipeline
                .publish(PipelineScenario.MOU.replace(PipelineScenario.MOU_URL, url));
            assertThat(published.status()).as(published.body()).isEqualTo(202);
            assertThat(published.json().get("id").asString()).isEqualTo(AnnouncementIds.idFor(url).toString());
        }

        assertThat(partitions(Topics.ANNOUNCEMENTS_TAGGED)).isEqualTo(PARTITIONS);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(mail.getReceivedMessages()).hasSize(urlByPartition.size()));
        for (String url : urlByPartition.values()) {
            Pipeline.Response deliveries = this.pipeline.notifier("GET",
                    "/api/v1/deliveries?announcementId=" + AnnouncementIds.idFor(url), null);
            assertThat(deliveries.json()).singleElement()
                .satisfies((delivery) -> assertThat(delivery.get("status").asString()).isEqualToIgnoringCase("sent"));
        }
    }

    /**
     * A URL of an announcement for each partition, by the producer's default partitioner
     * on the announcement id.
     */
    private static Map<Integer, String> oneUrlPerPartition() {
        Map<Integer, String> urls = new LinkedHashMap<>();
        for (int i = 0; urls.size() < PARTITIONS; i++) {
            String url = PipelineScenario.MOU_URL + "-" + i;
            byte[] key = AnnouncementIds.idFor(url).toString().getBytes(StandardCharsets.UTF_8);
            urls.putIfAbsent(Utils.toPositive(Utils.murmur2(key)) % PARTITIONS, url);
        }
        return urls;
    }

    private int partitions(String topic) throws Exception {
        try (AdminClient admin = AdminClient
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

}
