package org.herald.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaJsonTests {

    private final Serializer<Object> serializer = KafkaJson.valueSerializer();

    private final Deserializer<Object> deserializer = deserializer();

    private final AnnouncementPublished published = new AnnouncementPublished(
            AnnouncementIds.idFor("https://www.gov.uk/government/news/mou"), "test", "ext-1",
            "https://www.gov.uk/government/news/mou", "UK and US sign MoU", "Summary", "Body",
            Instant.parse("2026-02-04T09:30:00Z"), "Department for Business and Trade", "press_release",
            Instant.parse("2026-02-04T09:31:00Z"));

    @AfterEach
    void close() {
        this.serializer.close();
        this.deserializer.close();
    }

    @Test
    void writesALogicalTypeIdNotAClassName() {
        RecordHeaders headers = new RecordHeaders();
        this.serializer.serialize(Topics.ANNOUNCEMENTS, headers, this.published);
        assertThat(new String(headers.lastHeader("__TypeId__").value(), StandardCharsets.UTF_8))
            .isEqualTo(Topics.TYPE_ANNOUNCEMENT_PUBLISHED);
    }

    @Test
    void roundTripsEveryEvent() {
        TagMatch tag = new TagMatch("critical-minerals", 4.5,
                List.of(new Evidence("critical minerals", "title", 4.5)));
        AnnouncementTagged tagged = AnnouncementTagged.of(this.published, List.of(tag), 2, "sha256:abc",
                Instant.parse("2026-02-04T09:32:00Z"));
        assertThat(roundTrip(this.published)).isEqualTo(this.published);
        assertThat(roundTrip(tagged)).isEqualTo(tagged);
    }

    @Test
    void writesInstantsAsIsoText() {
        RecordHeaders headers = new RecordHeaders();
        String json = new String(this.serializer.serialize(Topics.ANNOUNCEMENTS, headers, this.published),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"publishedAt\":\"2026-02-04T09:30:00Z\"");
    }

    @Test
    void passesRawBytesThroughForDeadLetters() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThat(this.serializer.serialize(Topics.deadLetter(Topics.ANNOUNCEMENTS), new RecordHeaders(), poison))
            .isEqualTo(poison);
    }

    @Test
    void turnsUnreadableRecordsIntoDeserializationFailuresInsteadOfThrowing() {
        assertThat(deserializationFailure("{not json".getBytes(StandardCharsets.UTF_8),
                Topics.TYPE_ANNOUNCEMENT_PUBLISHED))
            .isTrue();
        assertThat(deserializationFailure("{}".getBytes(StandardCharsets.UTF_8), "announcement.unknown")).isTrue();
        assertThat(deserializationFailure("{\"title\":\"no id\"}".getBytes(StandardCharsets.UTF_8),
                Topics.TYPE_ANNOUNCEMENT_PUBLISHED))
            .isTrue();
        assertThat(deserializationFailure("{}".getBytes(StandardCharsets.UTF_8), "java.lang.ProcessBuilder")).isTrue();
    }

    private boolean deserializationFailure(byte[] value, String typeId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__TypeId__", typeId.getBytes(StandardCharsets.UTF_8));
        Object result = this.deserializer.deserialize(Topics.ANNOUNCEMENTS, headers, value);
        return result == null && headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null;
    }

    private Object roundTrip(Object event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] bytes = this.serializer.serialize(Topics.ANNOUNCEMENTS, headers, event);
        return this.deserializer.deserialize(Topics.ANNOUNCEMENTS, headers, bytes);
    }

    private static Deserializer<Object> deserializer() {
        Deserializer<Object> deserializer = new ErrorHandlingDeserializer<>();
        Map<String, Object> config = new HashMap<>(KafkaJson.consumerProperties());
        deserializer.configure(config, false);
        return deserializer;
    }

}
