package org.herald.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import mockwebserver3.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline end to end on the in-process KRaft broker, a real PostgreSQL (embedded, or
 * the server named by {@code HERALD_TEST_DATABASE_URL}), GreenMail and a real HTTP
 * receiver.
 */
class PipelineEndToEndTests {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    private static EmbeddedKafkaKraftBroker broker;

    private static MockWebServer partnerEndpoint;

    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr",
                "1", "group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        partnerEndpoint = new MockWebServer();
        partnerEndpoint.start();
        TestDatabase.Database database = TestDatabase.create();
        pipeline = new Pipeline(broker.getBrokersAsString(), database.jdbcUrl(), database.username(), "",
                mail.getSmtp().getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        if (partnerEndpoint != null) {
            partnerEndpoint.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void deliversTheMouOnceByEmailAndSignedWebhook() throws Exception {
        new PipelineScenario(pipeline, mail, partnerEndpoint).deliversTheMouOnceByEmailAndSignedWebhook();
    }

    @Test
    void deadLettersAPoisonRecordAndDeliversTheRecordBehindIt() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.ANNOUNCEMENTS, poisonKey,
                    "{\"title\": \"unterminated".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("__TypeId__", Topics.TYPE_ANNOUNCEMENT_PUBLISHED.getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        assertThat(pipeline.notifier("POST", "/api/v1/members",
                """
                        {"email":"recycler@scrap.example","name":"A recycler","subscriptions":[{"tags":["recycling-circularity","aluminium"],"match":"any","minRelevance":1}]}""")
            .status()).isEqualTo(201);
        Pipeline.Response accepted = pipeline.publish(
                """
                        {"source":"test-cms","url":"https://www.gov.uk/government/news/aluminium-scrap-recycling-rules",
                         "title":"New rules on aluminium scrap recycling",
                         "summary":"Aluminium scrap exports and recycled content: new reporting rules for recyclers of aluminium."}""");
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asString();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> assertThat(pipeline.notifier("GET", "/api/v1/deliveries?announcementId=" + id, null).body())
                        .contains("recycler@scrap.example")
                        .containsIgnoringCase("\"sent\""));
        // The ledger says sent once the SMTP server answered; GreenMail may still be
        // storing the message.
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(List.of(mail.getReceivedMessages()))
                .anyMatch((message) -> recipient(message).equals("recycler@scrap.example")));
        assertThat(deadLetterKeys(Topics.deadLetter(Topics.ANNOUNCEMENTS))).contains(poisonKey);
    }

    private static String recipient(jakarta.mail.Message message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> deadLetterKeys(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            java.util.ArrayList<String> keys = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                    keys.add(record.key());
                }
                return !keys.isEmpty();
            });
            return keys;
        }
    }

}
