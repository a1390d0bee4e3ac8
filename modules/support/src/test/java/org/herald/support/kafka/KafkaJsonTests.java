package org.herald.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.events.Topics;
import org.herald.events.UpdateType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
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
        TagMatch tag = new TagMatch("critical-minerals", 4.5, List.of(new Evidence("critical minerals", "title", 4.5)));
        AnnouncementTagged tagged = AnnouncementTagged.of(this.published, List.of(tag), 2, "sha256:abc",
                Instant.parse("2026-02-04T09:32:00Z"));
        assertThat(roundTrip(this.published)).isEqualTo(this.published);
        assertThat(roundTrip(tagged)).isEqualTo(tagged);
    }

    @Test
    void roundTripsAnUpdate() {
        AnnouncementPublished update = new AnnouncementPublished(this.published.id(), "test", "ext-1",
                this.published.url(), "UK and US sign MoU", "Summary", "Body", this.published.publishedAt(),
                "Department for Business and Trade", "press_release", Instant.parse("2026-02-05T09:31:00Z"), 1,
                UpdateType.MAJOR, "Annex added");
        assertThat(roundTrip(update)).isEqualTo(update);
    }

    @Test
    void readsRecordsWrittenBeforeRevisionsAsRevisionZero() {
        String old = "{\"id\":\"" + this.published.id() + "\",\"source\":\"test\",\"url\":\"" + this.published.url()
                + "\",\"title\":\"T\",\"receivedAt\":\"2026-02-04T09:31:00Z\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add("__TypeId__", Topics.TYPE_ANNOUNCEMENT_PUBLISHED.getBytes(StandardCharsets.UTF_8));
        Object read = this.deserializer.deserialize(Topics.ANNOUNCEMENTS, headers,
                old.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isInstanceOfSatisfying(AnnouncementPublished.class, (announcement) -> {
            assertThat(announcement.revision()).isZero();
            assertThat(announcement.updateType()).isNull();
            assertThat(announcement.changeNote()).isNull();
        });
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

    @Test
    void turnsRecordsOverTheSizeLimitIntoDeserializationFailuresNamingTheLimit() {
        Deserializer<Object> limited = deserializer(KafkaJson.consumerProperties(1024, 4096));
        RecordHeaders headers = new RecordHeaders();
        byte[] small = this.serializer.serialize(Topics.ANNOUNCEMENTS, headers, this.published);
        assertThat(small.length).isLessThan(1024);
        assertThat(limited.deserialize(Topics.ANNOUNCEMENTS, headers, small)).isEqualTo(this.published);
        String padded = "{\"id\":\"" + this.published.id() + "\",\"body\":\"" + "x".repeat(2000) + "\"}";
        byte[] large = padded.getBytes(StandardCharsets.UTF_8);
        RecordHeaders largeHeaders = new RecordHeaders();
        largeHeaders.add("__TypeId__", Topics.TYPE_ANNOUNCEMENT_PUBLISHED.getBytes(StandardCharsets.UTF_8));
        assertThat(limited.deserialize(Topics.ANNOUNCEMENTS, largeHeaders, large)).isNull();
        DeserializationException failure = SerializationUtils.byteArrayToDeserializationException(
                new LogAccessor(KafkaJsonTests.class),
                largeHeaders.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER));
        assertThat(failure.getData()).isEqualTo(large);
        assertThat(failure.getCause())
            .hasMessageStartingWith("record of " + large.length + " bytes is over the limit of 1024 bytes");
        limited.close();
    }

    @Test
    void refusesRecordsOverOneMebibyteByDefault() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__TypeId__", Topics.TYPE_ANNOUNCEMENT_PUBLISHED.getBytes(StandardCharsets.UTF_8));
        byte[] value = new byte[KafkaJson.DEFAULT_MAX_RECORD_BYTES + 1];
        assertThat(this.deserializer.deserialize(Topics.ANNOUNCEMENTS, headers, value)).isNull();
        assertThat(headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).isNotNull();
    }

    @Test
    void fetchesAndSendsRecordsUpToTheTopicCapacity() {
        assertThat(KafkaJson.consumerProperties(1024, 8 * 1024 * 1024))
            .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024)
            .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, ConsumerConfig.DEFAULT_FETCH_MAX_BYTES);
        assertThat(KafkaJson.producerProperties(8 * 1024 * 1024)).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                8 * 1024 * 1024);
        TopicProperties topics = TopicProperties.withPartitions(3);
        assertThat(topics.topic(Topics.deadLetter(Topics.ANNOUNCEMENTS)).configs())
            .containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
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
        return deserializer(KafkaJson.consumerProperties());
    }

    private static Deserializer<Object> deserializer(Map<String, Object> properties) {
        Deserializer<Object> deserializer = new ErrorHandlingDeserializer<>();
        Map<String, Object> config = new HashMap<>(properties);
        deserializer.configure(config, false);
        return deserializer;
    }

}
