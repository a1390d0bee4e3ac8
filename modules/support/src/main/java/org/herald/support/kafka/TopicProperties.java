package org.herald.support.kafka;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How Herald's topics are made, one setting per topic shared by every service: each
 * service declares every topic it reads or writes with {@link #topics(String...)}, and
 * {@link DeclaredTopics} creates what is missing and refuses a topic whose partition
 * count differs.
 *
 * @param partitions {@code herald.kafka.partitions}: partitions of each topic (the
 * ceiling on consumer instances of a group)
 * @param replicationFactor {@code herald.kafka.replication-factor}: replicas of each
 * partition (3 on a production cluster)
 * @param minInsyncReplicas {@code herald.kafka.min-insync-replicas}: the topics'
 * {@code min.insync.replicas}, the replicas that must have a record before an
 * {@code acks=all} write succeeds (2 on a production cluster)
 * @param maxRecordBytes {@code herald.kafka.max-record-bytes}: the largest record the
 * services read; a larger one is poison, dead-lettered with the reason (the publisher's
 * 256 KB body limit keeps real announcements far below it)
 * @param maxMessageBytes {@code herald.kafka.max-message-bytes}: the topics' capacity
 * ({@code max.message.bytes} of the topics a service creates, and the producers'
 * {@code max.request.size} and consumers' fetch sizes), above {@code maxRecordBytes} so
 * that an oversized record can still be written to its dead-letter topic
 * @param topics {@code herald.kafka.topics.<key>.*}: settings of one topic over the three
 * above; the key is the topic's name without {@code herald.} and with dashes for dots
 * ({@code announcements}, {@code announcements-tagged}, {@code announcements-dlt},
 * {@code announcements-tagged-dlt})
 */
@ConfigurationProperties("herald.kafka")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("1") int minInsyncReplicas,
        @DefaultValue("" + KafkaJson.DEFAULT_MAX_RECORD_BYTES) int maxRecordBytes,
        @DefaultValue("" + KafkaJson.DEFAULT_MAX_MESSAGE_BYTES) int maxMessageBytes,
        @DefaultValue Map<String, Topic> topics) {

    public TopicProperties {
        if (maxRecordBytes <= 0 || maxRecordBytes > maxMessageBytes) {
            throw new IllegalArgumentException("herald.kafka.max-record-bytes (" + maxRecordBytes
                    + ") must be positive and at most herald.kafka.max-message-bytes (" + maxMessageBytes + ")");
        }
        topics = (topics != null) ? Map.copyOf(topics) : Map.of();
        check("herald.kafka", partitions, replicationFactor, minInsyncReplicas);
        topics.forEach((key, topic) -> check("herald.kafka.topics." + key, topic.partitions(partitions),
                topic.replicationFactor(replicationFactor), topic.minInsyncReplicas(minInsyncReplicas)));
    }

    /** The defaults, with {@code partitions}: for tests and tools. */
    public static TopicProperties withPartitions(int partitions) {
        return new TopicProperties(partitions, (short) 1, 1, KafkaJson.DEFAULT_MAX_RECORD_BYTES,
                KafkaJson.DEFAULT_MAX_MESSAGE_BYTES, Map.of());
    }

    /** The key of {@code topic} under {@code herald.kafka.topics}. */
    public static String key(String topic) {
        String key = topic.startsWith("herald.") ? topic.substring("herald.".length()) : topic;
        return key.replace('.', '-').toLowerCase(Locale.ROOT);
    }

    /** A topic of {@code name} with its configured partitions, replicas and capacity. */
    public NewTopic topic(String name) {
        Topic own = this.topics.getOrDefault(key(name), Topic.NONE);
        return TopicBuilder.name(name)
            .partitions(own.partitions(this.partitions))
            .replicas(own.replicationFactor(this.replicationFactor))
            .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(this.maxMessageBytes))
            .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    Integer.toString(own.minInsyncReplicas(this.minInsyncReplicas)))
            .build();
    }

    /** The topics a service reads or writes, each as {@link #topic(String)} makes it. */
    public HeraldTopics topics(String... names) {
        return new HeraldTopics(Arrays.stream(names).map(this::topic).toList());
    }

    private static void check(String prefix, int partitions, int replicationFactor, int minInsyncReplicas) {
        if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(prefix + ": partitions (" + partitions + ") and replication-factor ("
                    + replicationFactor + ") must be at least 1, and min-insync-replicas (" + minInsyncReplicas
                    + ") between 1 and the replication factor");
        }
    }

    /**
     * The settings of one topic; each unset one is the common one.
     *
     * @param partitions its partitions
     * @param replicationFactor its replicas
     * @param minInsyncReplicas its {@code min.insync.replicas}
     */
    public record Topic(@Nullable Integer partitions, @Nullable Short replicationFactor,
            @Nullable Integer minInsyncReplicas) {

        static final Topic NONE = new Topic(null, null, null);

        int partitions(int common) {
            return (this.partitions != null) ? this.partitions : common;
        }

        short replicationFactor(short common) {
            return (this.replicationFactor != null) ? this.replicationFactor : common;
        }

        int minInsyncReplicas(int common) {
            return (this.minInsyncReplicas != null) ? this.minInsyncReplicas : common;
        }

    }

}
