package org.herald.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How the topics a service writes are created, when they do not exist yet, and how large
 * their records may be.
 *
 * @param partitions {@code herald.kafka.partitions}: partitions of each topic (the
 * ceiling on consumer instances of a group)
 * @param replicationFactor {@code herald.kafka.replication-factor}: replicas of each
 * partition (3 on a production cluster)
 * @param maxRecordBytes {@code herald.kafka.max-record-bytes}: the largest record the
 * services read; a larger one is poison, dead-lettered with the reason (the publisher's
 * 256 KB body limit keeps real announcements far below it)
 * @param maxMessageBytes {@code herald.kafka.max-message-bytes}: the topics' capacity
 * ({@code max.message.bytes} of the topics a service creates, and the producers'
 * {@code max.request.size} and consumers' fetch sizes), above {@code maxRecordBytes} so
 * that an oversized record can still be written to its dead-letter topic
 */
@ConfigurationProperties("herald.kafka")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("" + KafkaJson.DEFAULT_MAX_RECORD_BYTES) int maxRecordBytes,
        @DefaultValue("" + KafkaJson.DEFAULT_MAX_MESSAGE_BYTES) int maxMessageBytes) {

    public TopicProperties {
        if (maxRecordBytes <= 0 || maxRecordBytes > maxMessageBytes) {
            throw new IllegalArgumentException("herald.kafka.max-record-bytes (" + maxRecordBytes
                    + ") must be positive and at most herald.kafka.max-message-bytes (" + maxMessageBytes + ")");
        }
    }

    /** A topic of {@code name} with the configured partitions, replicas and capacity. */
    public NewTopic topic(String name) {
        return TopicBuilder.name(name)
            .partitions(this.partitions)
            .replicas(this.replicationFactor)
            .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(this.maxMessageBytes))
            .build();
    }

}
