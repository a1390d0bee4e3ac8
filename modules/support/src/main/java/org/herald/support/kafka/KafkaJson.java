package org.herald.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;

import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The JSON contract on Herald's topics: values are JSON, typed by a logical type id in
 * the {@code __TypeId__} header (never a class name), and only {@code org.herald.events}
 * types are trusted.
 */
public final class KafkaJson {

    /** Logical type id to event class, in Spring Kafka's {@code id:class,...} form. */
    public static final String TYPE_MAPPINGS = Topics.TYPE_ANNOUNCEMENT_PUBLISHED + ":"
            + AnnouncementPublished.class.getName() + "," + Topics.TYPE_ANNOUNCEMENT_TAGGED + ":"
            + AnnouncementTagged.class.getName();

    /** The default of {@code herald.kafka.max-record-bytes}: 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    /** The default of {@code herald.kafka.max-message-bytes}: 8 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    static final String TRUSTED_PACKAGES = AnnouncementPublished.class.getPackageName();

    private KafkaJson() {
    }

    /**
     * A value serializer for the events. Raw {@code byte[]} values (a poison record's
     * original bytes, on their way to a dead-letter topic) pass through unchanged.
     */
    public static Serializer<Object> valueSerializer() {
        JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>();
        json.configure(Map.of(JacksonJsonSerializer.TYPE_MAPPINGS, TYPE_MAPPINGS), false);
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(Object.class, json);
        @SuppressWarnings("unchecked")
        Serializer<Object> serializer = (Serializer<Object>) (Serializer<?>) new DelegatingByTypeSerializer(delegates,
                true);
        return serializer;
    }

    /**
     * Consumer properties for the event value deserializer, with the default limits. A
     * record that cannot be read (bad JSON, an unknown or missing type id, a value its
     * record rejects, more bytes than the limit) reaches the listener's error handler as
     * a {@code DeserializationException} instead of failing the poll, so it can be
     * dead-lettered.
     */
    public static Map<String, Object> consumerProperties() {
        return consumerProperties(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * Consumer properties for the event value deserializer: records over
     * {@code maxRecordBytes} are poison; the fetch sizes admit records of up to
     * {@code maxMessageBytes} (the topics' capacity), so that one can be read and
     * dead-lettered.
     */
    public static Map<String, Object> consumerProperties(int maxRecordBytes, int maxMessageBytes) {
        return Map.of(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, SizeLimitedDeserializer.class,
                SizeLimitedDeserializer.MAX_RECORD_BYTES, maxRecordBytes, JacksonJsonDeserializer.TRUSTED_PACKAGES,
                TRUSTED_PACKAGES, JacksonJsonDeserializer.TYPE_MAPPINGS, TYPE_MAPPINGS,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Math.max(ConsumerConfig.DEFAULT_MAX_PARTITION_FETCH_BYTES, maxMessageBytes),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                Math.max(ConsumerConfig.DEFAULT_FETCH_MAX_BYTES, maxMessageBytes));
    }

    /**
     * Producer properties admitting records of up to {@code maxMessageBytes} (the topics'
     * capacity), so that a poison record's bytes can be written to its dead-letter topic.
     */
    public static Map<String, Object> producerProperties(int maxMessageBytes) {
        return Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1024 * 1024, maxMessageBytes));
    }

}
