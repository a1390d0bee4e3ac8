package org.herald.support.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.herald.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Topics on a real broker (KRaft, in process) that makes topics on first use with one
 * partition, as Kafka does by default: the declared ones are made with their own
 * partitions, and one made otherwise is refused, never changed.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeclaredTopicsTests {

    private static EmbeddedKafkaKraftBroker broker;

    private static AdminClient admin;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "1"));
        broker.afterPropertiesSet();
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        broker.destroy();
    }

    @Test
    void createsEveryDeclaredTopicWithItsPartitionsAndMinInsyncReplicas() throws Exception {
        TopicProperties properties = new TopicProperties(3, (short) 1, 1, KafkaJson.DEFAULT_MAX_RECORD_BYTES,
                KafkaJson.DEFAULT_MAX_MESSAGE_BYTES,
                Map.of("created-tagged", new TopicProperties.Topic(5, null, null)));

        declared(properties.topics("herald.created", "herald.created.tagged"), true).afterPropertiesSet();

        Map<String, TopicDescription> topics = admin.describeTopics(List.of("herald.created", "herald.created.tagged"))
            .allTopicNames()
            .get();
        assertThat(topics.get("herald.created").partitions()).hasSize(3);
        assertThat(topics.get("herald.created.tagged").partitions()).hasSize(5);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "herald.created");
        assertThat(admin.describeConfigs(List.of(resource))
            .all()
            .get()
            .get(resource)
            .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
            .value()).isEqualTo("1");
    }

    @Test
    void refusesATopicWithAnotherPartitionCountAndLeavesItAsItIs() throws Exception {
        admin.createTopics(List.of(new NewTopic("herald.mismatched", 1, (short) 1))).all().get();

        assertThatIllegalStateException()
            .isThrownBy(() -> declared(TopicProperties.withPartitions(3).topics("herald.mismatched"), true)
                .afterPropertiesSet())
            .withMessageContaining("topic herald.mismatched has 1 partition(s), but the configuration asks for 3")
            .withMessageContaining("herald.kafka.topics.mismatched.partitions")
            .withMessageContaining("never changes the partitions");
        assertThat(admin.describeTopics(List.of("herald.mismatched"))
            .allTopicNames()
            .get()
            .get("herald.mismatched")
            .partitions()).hasSize(1);
    }

    @Test
    void warnsAboutTopicsWithOneReplicaOutsideLocalModeOnly(CapturedOutput output) {
        declared(TopicProperties.withPartitions(1).topics("herald.local-only"), true).afterPropertiesSet();
        assertThat(output).doesNotContain("have one replica");

        declared(TopicProperties.withPartitions(1).topics("herald.local-only", Topics.ANNOUNCEMENTS), false)
            .afterPropertiesSet();
        assertThat(output).contains("Topics [herald.local-only, herald.announcements] have one replica")
            .contains("herald.kafka.replication-factor=3, herald.kafka.min-insync-replicas=2");
    }

    @Test
    void failsWhenTheBrokerCannotBeReached() {
        DeclaredTopics topics = new DeclaredTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                List.of(new NewTopic("herald.unreachable", 1, (short) 1)), true, 2);

        assertThatIllegalStateException().isThrownBy(topics::afterPropertiesSet)
            .withMessageContaining("Could not describe topic herald.unreachable on the Kafka cluster 127.0.0.1:1");
    }

    @Test
    void aServiceThatOnlyWritesStartsWithoutTheBrokerWithAWarning(CapturedOutput output) {
        DeclaredTopics topics = new DeclaredTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
                List.of(new NewTopic("herald.written", 1, (short) 1)), true, 2, false);

        topics.afterPropertiesSet();

        assertThat(output).contains("Could not describe topic herald.written")
            .contains("Starting anyway: this service only writes them.");
    }

    @Test
    void keysTopicsByTheirNameWithoutThePrefix() {
        assertThat(TopicProperties.key(Topics.ANNOUNCEMENTS)).isEqualTo("announcements");
        assertThat(TopicProperties.key(Topics.deadLetter(Topics.ANNOUNCEMENTS_TAGGED)))
            .isEqualTo("announcements-tagged-dlt");
    }

    private static DeclaredTopics declared(HeraldTopics topics, boolean local) {
        return new DeclaredTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                topics.topics(), local, 30);
    }

}
