package org.herald.bench.system;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The pipeline's raw reference: a plain Kafka consumer-to-producer loop that does no work
 * (poll, send each record on with acks=all, flush, commit the offsets), on the same
 * broker, over records of an announcement's size that were produced beforehand.
 */
final class KafkaRelay {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String bootstrap;

    KafkaRelay(int port) {
        this.bootstrap = "127.0.0.1:" + port;
    }

    /** Relays {@code count} records of {@code bytes}; answers records/s. */
    double relay(int count, int bytes) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String in = "bench-relay-in-" + suffix;
        String out = "bench-relay-out-" + suffix;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrap))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1))).all().get();
        }
        byte[] value = new byte[bytes];
        Arrays.fill(value, (byte) 'a');
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(in, value));
            }
            producer.flush();
        }
        TopicPartition partition = new TopicPartition(in, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long started = 0;
            int relayed = 0;
            while (relayed < count) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (started == 0 && !records.isEmpty()) {
                    started = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(out, record.key(), record.value()));
                    relayed++;
                }
                producer.flush();
                consumer.commitSync();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The relay moved only " + relayed + " of " + count + " in " + TIMEOUT);
                }
            }
            return count / ((System.nanoTime() - started) / 1e9);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-relay");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

}
