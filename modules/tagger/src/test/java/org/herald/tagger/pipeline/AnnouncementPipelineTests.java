package org.herald.tagger.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.events.Topics;
import org.herald.support.kafka.KafkaJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tagger on a real (in-process KRaft) broker: announcements in, tagged announcements
 * out in transactions, poison records to the dead-letter topic while the partition keeps
 * flowing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "herald.kafka.partitions=1", "spring.kafka.consumer.properties.max.poll.interval.ms=60000" })
@EmbeddedKafka(partitions = 1, brokerProperties = { "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "auto.create.topics.enable=false" })
class AnnouncementPipelineTests {

    private static final String TYPE_ID = "__TypeId__";

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private KafkaTemplate<Object, Object> template;

    @Autowired
    private MeterRegistry meters;

    private final List<Consumer<?, ?>> consumers = new ArrayList<>();

    @AfterEach
    void closeConsumers() {
        this.consumers.forEach(Consumer::close);
    }

    @Test
    void tagsAnAnnouncementAndPublishesItKeyedByItsId() {
        Consumer<String, Object> tagged = taggedConsumer();
        AnnouncementPublished announcement = criticalMineralsMou();
        publish(announcement);

        AnnouncementTagged result = awaitTagged(tagged, announcement.id());

        assertThat(result.tagNames()).contains("critical-minerals");
        assertThat(result.relevance()).isGreaterThanOrEqualTo(2);
        assertThat(result.taxonomyVersion()).matches("[0-9a-f]{12}");
        assertThat(result.tags().get(0).evidence()).isNotEmpty();
        TagMatch aluminium = result.tags()
            .stream()
            .filter((tag) -> tag.tag().equals("aluminium"))
            .findFirst()
            .orElseThrow();
        assertThat(aluminium.implied()).as("the MoU never says aluminium").isTrue();
        assertThat(aluminium.evidence()).last()
            .extracting(Evidence::kind, Evidence::term, Evidence::sentence)
            .containsExactly(Evidence.Kind.IMPLIED, "critical-minerals",
                    "Aluminium is on the UK Critical Minerals List");
        assertThat(result.relevance()).as("from the direct tags, not aluminium's 3").isEqualTo(2);
        assertThat(result.title()).isEqualTo(announcement.title());
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(this.meters.counter("herald.announcements.tagged").count()).isPositive());
    }

    @Test
    void deadLettersRecordsThatCannotBeReadAndKeepsThePartitionFlowing() {
        Consumer<String, Object> tagged = taggedConsumer();
        Consumer<byte[], byte[]> deadLetters = deadLetterConsumer();
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            ProducerRecord<String, byte[]> badJson = new ProducerRecord<>(Topics.ANNOUNCEMENTS, "bad-json",
                    "{not json".getBytes(StandardCharsets.UTF_8));
            badJson.headers().add(TYPE_ID, Topics.TYPE_ANNOUNCEMENT_PUBLISHED.getBytes(StandardCharsets.UTF_8));
            ProducerRecord<String, byte[]> unknownType = new ProducerRecord<>(Topics.ANNOUNCEMENTS, "unknown-type",
                    "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            unknownType.headers().add(TYPE_ID, "announcement.unheard-of".getBytes(StandardCharsets.UTF_8));
            raw.send(badJson);
            raw.send(unknownType);
            raw.flush();
        }
        AnnouncementPublished next = announcement("https://www.gov.uk/government/news/steel-safeguard-extended",
                "Steel safeguard measure extended for two years", "Tariff-rate quotas on steel imports continue.");
        publish(next);

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(500)).forEach(dead::add);
            assertThat(dead).extracting((record) -> new String(record.key(), StandardCharsets.UTF_8))
                .contains("bad-json", "unknown-type");
        });
        for (ConsumerRecord<byte[], byte[]> record : dead) {
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ANNOUNCEMENTS);
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
        }
        ConsumerRecord<byte[], byte[]> badJson = dead.stream()
            .filter((record) -> "bad-json".equals(new String(record.key(), StandardCharsets.UTF_8)))
            .findFirst()
            .orElseThrow();
        assertThat(new String(badJson.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        AnnouncementTagged result = awaitTagged(tagged, next.id());
        assertThat(result.tagNames()).contains("steel-metals", "trade-tariffs");
    }

    private void publish(AnnouncementPublished announcement) {
        this.template.executeInTransaction(
                (operations) -> operations.send(Topics.ANNOUNCEMENTS, announcement.id().toString(), announcement));
    }

    private AnnouncementTagged awaitTagged(Consumer<String, Object> consumer, UUID id) {
        List<ConsumerRecord<String, Object>> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(received::add);
            assertThat(received).extracting(ConsumerRecord::key).contains(id.toString());
        });
        return received.stream()
            .filter((record) -> record.key().equals(id.toString()))
            .map((record) -> (AnnouncementTagged) record.value())
            .findFirst()
            .orElseThrow();
    }

    private Consumer<String, Object> taggedConsumer() {
        Map<String, Object> props = consumerProps();
        props.putAll(KafkaJson.consumerProperties());
        Consumer<String, Object> consumer = new DefaultKafkaConsumerFactory<String, Object>(props,
                new StringDeserializer(), null)
            .createConsumer();
        consumer.subscribe(List.of(Topics.ANNOUNCEMENTS_TAGGED));
        this.consumers.add(consumer);
        return consumer;
    }

    private Consumer<byte[], byte[]> deadLetterConsumer() {
        Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(consumerProps(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())
            .createConsumer();
        consumer.subscribe(List.of(Topics.deadLetter(Topics.ANNOUNCEMENTS)));
        this.consumers.add(consumer);
        return consumer;
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = new HashMap<>(
                KafkaTestUtils.consumerProps(this.broker, "test-" + UUID.randomUUID(), false));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

    static AnnouncementPublished criticalMineralsMou() {
        return announcement(
                "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals",
                "UK and US sign Memorandum of Understanding on critical minerals",
                "Securing critical mineral supply chains; responsible sourcing and processing; investment in mining, "
                        + "processing and recycling capacity; sharing policy and regulatory practice; a Mining, "
                        + "Minerals and Metals Investment Ministerial within six months.");
    }

    private static AnnouncementPublished announcement(String url, String title, String summary) {
        return new AnnouncementPublished(AnnouncementIds.idFor(url), "test", null, url, title, summary, null,
                Instant.parse("2026-02-04T10:00:00Z"), "Department for Business and Trade", "press_release",
                Instant.now());
    }

}
