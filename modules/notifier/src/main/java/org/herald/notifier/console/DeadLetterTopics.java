package org.herald.notifier.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.herald.events.Topics;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topics ({@code <topic>.dlt},
 * {@code org.herald.support.kafka.DeadLetters}) as the broker has them, read when the
 * health page is: every topic whose name ends in {@value Topics#DEAD_LETTER_SUFFIX}, how
 * many records it holds and the latest few with their reason
 * ({@code kafka_dlt-exception-message}). The records are counted by reading them
 * ({@code read_committed}, values and keys as bytes, never parsed): the offsets alone
 * would count the markers of the transactions that wrote them too. At most {@value #SCAN}
 * records are read per partition, the newest; beyond that the count says "at least".
 * Nothing is committed: no consumer group is used.
 */
class DeadLetterTopics {

    static final int SCAN = 1000;

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Log logger = LogFactory.getLog(DeadLetterTopics.class);

    private final Map<String, Object> clientConfig;

    DeadLetterTopics(Map<String, Object> adminConfig) {
        Map<String, Object> config = new HashMap<>();
        adminConfig.forEach((key, value) -> {
            if (key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        this.clientConfig = Map.copyOf(config);
    }

    /**
     * Each dead-letter topic with its count and its {@code latest} newest records; an
     * empty list with {@code error} set if the broker could not be asked.
     */
    Report read(int latest) {
        try {
            return new Report(topics(latest), null);
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            logger.warn("Could not read the dead-letter topics: " + ex);
            return new Report(List.of(), "The broker could not be asked: " + ex.getMessage());
        }
    }

    private List<DeadLetterTopic> topics(int latest) throws Exception {
        Map<String, TopicDescription> topics;
        Map<String, Object> adminConfig = new HashMap<>(this.clientConfig);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            List<String> names = admin.listTopics()
                .names()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .stream()
                .filter((name) -> name.endsWith(Topics.DEAD_LETTER_SUFFIX))
                .sorted()
                .toList();
            if (names.isEmpty()) {
                return List.of();
            }
            topics = new TreeMap<>(
                    admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
        Map<String, Object> consumerConfig = new HashMap<>(this.clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "herald-console-dead-letters");
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        consumerConfig.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        List<TopicPartition> partitions = new ArrayList<>();
        topics.values()
            .forEach((topic) -> topic.partitions()
                .forEach((partition) -> partitions.add(new TopicPartition(topic.name(), partition.partition()))));
        Map<String, Counting> counts = new TreeMap<>();
        topics.keySet().forEach((name) -> counts.put(name, new Counting(latest)));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<TopicPartition> toRead = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.get(partition), end.get(partition) - SCAN);
                if (from > begin.get(partition)) {
                    counts.get(partition.topic()).clipped = true;
                }
                if (from < end.get(partition)) {
                    toRead.add(partition);
                }
            }
            consumer.assign(toRead);
            for (TopicPartition partition : toRead) {
                consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - SCAN));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<TopicPartition> unfinished = new ArrayList<>(toRead);
            while (!unfinished.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.get(record.topic()).add(record);
                }
                unfinished.removeIf((partition) -> consumer.position(partition) >= end.get(partition));
            }
            if (!unfinished.isEmpty()) {
                unfinished.forEach((partition) -> counts.get(partition.topic()).clipped = true);
            }
        }
        List<DeadLetterTopic> report = new ArrayList<>();
        counts.forEach((name, counting) -> report.add(counting.topic(name)));
        return report;
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

    private static @Nullable Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        return (value.length == 8) ? ByteBuffer.wrap(value).getLong()
                : (value.length == 4) ? (long) ByteBuffer.wrap(value).getInt() : null;
    }

    private static final class Counting {

        private final int latest;

        private final Deque<DeadLetter> newest = new ArrayDeque<>();

        private long count;

        private boolean clipped;

        Counting(int latest) {
            this.latest = latest;
        }

        void add(ConsumerRecord<byte[], byte[]> record) {
            this.count++;
            String reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            if (reason != null && reason.length() > 300) {
                reason = reason.substring(0, 300) + "…";
            }
            DeadLetter letter = new DeadLetter(Instant.ofEpochMilli(record.timestamp()),
                    header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                    longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                    (record.value() != null) ? record.value().length : 0,
                    (reason != null) ? reason : "(no reason given)");
            this.newest.addFirst(letter);
            List<DeadLetter> sorted = new ArrayList<>(this.newest);
            sorted.sort((a, b) -> b.at().compareTo(a.at()));
            this.newest.clear();
            sorted.stream().limit(this.latest).forEach(this.newest::addLast);
        }

        DeadLetterTopic topic(String name) {
            return new DeadLetterTopic(name, this.count, this.clipped, List.copyOf(this.newest));
        }

    }

    /**
     * What the health page shows.
     *
     * @param topics the dead-letter topics, by name
     * @param error why they could not be read, or null
     */
    record Report(List<DeadLetterTopic> topics, @Nullable String error) {
    }

    /**
     * One dead-letter topic.
     *
     * @param name its name
     * @param count how many records it holds (those read)
     * @param atLeast whether there are more than were read
     * @param latest the newest few, newest first
     */
    record DeadLetterTopic(String name, long count, boolean atLeast, List<DeadLetter> latest) {
    }

    /**
     * One dead letter.
     *
     * @param at when it was dead-lettered
     * @param originalTopic the topic it came from
     * @param originalOffset its offset there
     * @param bytes the size of its value
     * @param reason why it could not be processed
     */
    record DeadLetter(Instant at, @Nullable String originalTopic, @Nullable Long originalOffset, int bytes,
            String reason) {
    }

}
