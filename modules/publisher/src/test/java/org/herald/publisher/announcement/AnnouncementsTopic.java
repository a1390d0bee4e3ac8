package org.herald.publisher.announcement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.herald.events.Topics;

import static org.awaitility.Awaitility.await;

/**
 * Reads the announcements topic with a plain consumer ({@code read_committed}), for
 * tests.
 */
public final class AnnouncementsTopic {

    private final String bootstrapServers;

    public AnnouncementsTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Every record on the topic now with {@code key}. A record the publisher acknowledged
     * before this call is below the end offsets read here, so an absent record was never
     * written.
     */
    public List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return all().stream().filter((record) -> key.equals(record.key())).toList();
    }

    /** Every record on the topic now. */
    public List<ConsumerRecord<String, String>> all() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANNOUNCEMENTS)
                .stream()
                .map((info) -> new TopicPartition(info.topic(), info.partition()))
                .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch((partition) -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }

}
