package org.herald.tagger.system;

import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.herald.events.Topics;
import org.herald.tagger.TaggerApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The tagger's start-up against topics on a real (in-process KRaft) broker that makes no
 * topic on first use: it makes every topic it reads and writes, and refuses to start on
 * one whose partition count differs from the configuration, leaving it as it is.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "auto.create.topics.enable=false" })
class TopicPartitionsTests {

    @Test
    void refusesToStartOnATopicWithAnotherPartitionCountAndLeavesItAlone() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();

        assertThatException().isThrownBy(() -> start(broker, 3).close())
            .havingRootCause()
            .withMessageContaining("topic herald.announcements has 1 partition(s), but the configuration asks for 3")
            .withMessageContaining("never changes the partitions of an existing topic");

        assertThat(describe(broker).get(Topics.ANNOUNCEMENTS).partitions()).hasSize(1);
    }

    @Test
    void makesEveryTopicItReadsAndWritesBeforeItsConsumerSubscribes() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();

        try (ConfigurableApplicationContext tagger = start(broker, 1)) {
            Map<String, TopicDescription> topics = describe(broker);
            assertThat(topics).containsKeys(Topics.ANNOUNCEMENTS, Topics.deadLetter(Topics.ANNOUNCEMENTS),
                    Topics.ANNOUNCEMENTS_TAGGED);
            assertThat(topics.values()).allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(1));
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, int partitions) {
        return new SpringApplicationBuilder(TaggerApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--herald.kafka.partitions=" + partitions);
    }

    private static Map<String, TopicDescription> describe(EmbeddedKafkaBroker broker) throws Exception {
        try (AdminClient admin = AdminClient
            .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            return admin
                .describeTopics(
                        admin.listTopics().names().get().stream().filter((name) -> name.startsWith("herald.")).toList())
                .allTopicNames()
                .get();
        }
    }

}
