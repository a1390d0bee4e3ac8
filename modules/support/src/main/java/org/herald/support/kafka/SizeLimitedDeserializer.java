package org.herald.support.kafka;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * The event value deserializer: refuses a record over the limit (consumer property
 * {@value #MAX_RECORD_BYTES}, default {@link KafkaJson#DEFAULT_MAX_RECORD_BYTES}) before
 * reading it, and hands the others to Spring's {@link JacksonJsonDeserializer}. Wrapped
 * by the {@code ErrorHandlingDeserializer}, a refused record becomes a
 * {@code DeserializationException} and is dead-lettered at once with its bytes and the
 * reason.
 */
public final class SizeLimitedDeserializer implements Deserializer<Object> {

    /** The consumer property holding the limit in bytes. */
    public static final String MAX_RECORD_BYTES = "herald.kafka.max-record-bytes";

    private final JacksonJsonDeserializer<Object> json = new JacksonJsonDeserializer<>();

    private long maxRecordBytes = KafkaJson.DEFAULT_MAX_RECORD_BYTES;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object limit = configs.get(MAX_RECORD_BYTES);
        if (limit != null) {
            this.maxRecordBytes = Long.parseLong(limit.toString());
        }
        this.json.configure(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        check(data);
        return this.json.deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        check(data);
        return this.json.deserialize(topic, headers, data);
    }

    private void check(byte[] data) {
        if (data != null && data.length > this.maxRecordBytes) {
            throw tooLarge(data.length);
        }
    }

    private IllegalArgumentException tooLarge(int bytes) {
        return new IllegalArgumentException("record of " + bytes + " bytes is over the limit of " + this.maxRecordBytes
                + " bytes (" + MAX_RECORD_BYTES + ")");
    }

    @Override
    public void close() {
        this.json.close();
    }

}
