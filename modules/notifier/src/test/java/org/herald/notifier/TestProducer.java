package org.herald.notifier;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.support.kafka.KafkaJson;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A producer of a test's own on the tagged topic, as the tagger's would be, for tests
 * whose notifier runs in another JVM ({@link NotifierJvm}).
 */
final class TestProducer implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, Object> factory;

    private final TaggedTopic topic;

    TestProducer(String brokers) {
        this.factory = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), KafkaJson.valueSerializer());
        this.topic = new TaggedTopic(new KafkaTemplate<>(this.factory));
    }

    TaggedTopic topic() {
        return this.topic;
    }

    @Override
    public void close() {
        this.factory.destroy();
    }

}
