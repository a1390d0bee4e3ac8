package org.herald.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.systemtests.cluster.HeraldCluster;

/** Reads and writes raw records on the cluster's topics, as an operator's tool would. */
final class Records {

    private final HeraldCluster cluster;

    Records(HeraldCluster cluster) {
        this.cluster = cluster;
    }

    /** A consumer of raw records with the given isolation level, assigned nothing yet. */
    KafkaConsumer<String, byte[]> consumer(String isolation) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A plain producer of raw records, allowed requests of {@code maxRequestBytes}. */
    KafkaProducer<String, byte[]> producer(int maxRequestBytes) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32 * 1024 * 1024, 2L * maxRequestBytes));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes {@code record} and waits for the broker's answer. */
    static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(record).get(60, TimeUnit.SECONDS);
    }

    /** The end offsets of every partition of {@code topic} now. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("read_committed")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .stream()
                .map((info) -> new TopicPartition(topic, info.partition()))
                .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }

    /**
     * Every record of {@code topic} from {@code from} (the start, where a partition is
     * absent) to its end now.
     */
    List<ConsumerRecord<String, byte[]>> readAll(String topic, Map<TopicPartition, Long> from, String isolation) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(isolation)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .stream()
                .map((info) -> new TopicPartition(topic, info.partition()))
                .toList();
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, from.getOrDefault(partition, 0L));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
    }

}
