package org.herald.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * The JSON contract on Herald's topics: values are JSON, typed by a logical type id in the
 * {@code __TypeId__} header (never a class name), and only {@code org.herald.events} types are trusted.
 */
public final class KafkaJson {

    /** Logical type id to event class, in Spring Kafka's {@code id:class,...} form. */
    public static final String TYPE_MAPPINGS = Topics.TYPE_ANNOUNCEMENT_PUBLISHED + ":"
            + AnnouncementPublished.class.getName() + "," + Topics.TYPE_ANNOUNCEMENT_TAGGED + ":"
            + AnnouncementTagged.class.getName();

    static final String TRUSTED_PACKAGES = AnnouncementPublished.class.getPackageName();

    private KafkaJson() {
    }

    /**
     * A value serializer for the events. Raw {@code byte[]} values (a poison record's original bytes,
     * on their way to a dead-letter topic) pass through unchanged.
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
     * Consumer properties for the event value deserializer. A record that cannot be read (bad JSON, an
     * unknown or missing type id, a value its record rejects) reaches the listener's error handler as a
     * {@code DeserializationException} instead of failing the poll, so it can be dead-lettered.
     */
    public static Map<String, Object> consumerProperties() {
        return Map.of(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class,
                JacksonJsonDeserializer.TRUSTED_PACKAGES, TRUSTED_PACKAGES, JacksonJsonDeserializer.TYPE_MAPPINGS,
                TYPE_MAPPINGS);
    }

}
