package org.herald.embedded.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.herald.embedded.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedKafkaTests {

    @TempDir
    Path dataDirectory;

    @Test
    void roundTripsPlainAndTransactionalRecordsReadCommitted() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(this.dataDirectory)) {
            Clients.send(kafka.bootstrapServers(), "plain", "k", "hello");
            Clients.sendAborted(kafka.bootstrapServers(), "transactional", "never seen");
            Clients.sendInTransaction(kafka.bootstrapServers(), "transactional", 3);

            assertThat(Clients.readCommitted(kafka.bootstrapServers(), "plain", 1)).containsExactly("hello");
            assertThat(Clients.readCommitted(kafka.bootstrapServers(), "transactional", 3)).containsExactly("value-0",
                    "value-1", "value-2");
            assertThat(kafka.logDirectory()).isEqualTo(this.dataDirectory.resolve("kafka").toAbsolutePath());
            assertThat(kafka.logDirectory().resolve("meta.properties")).isRegularFile();
        }
    }

    @Test
    void keepsRecordsClusterIdAndPortAcrossStopAndStart() {
        String clusterId;
        int port;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(this.dataDirectory)) {
            Clients.sendInTransaction(kafka.bootstrapServers(), "kept", 2);
            clusterId = kafka.clusterId();
            port = kafka.port();
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(this.dataDirectory)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(kafka.port()).isEqualTo(port);
            assertThat(Clients.readCommitted(kafka.bootstrapServers(), "kept", 2)).containsExactly("value-0",
                    "value-1");
        }
    }

    @Test
    void makesNoTopicOnFirstUse() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(this.dataDirectory);
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
                AdminClient admin = AdminClient
                    .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThatExceptionOfType(ExecutionException.class)
                .isThrownBy(() -> producer.send(new ProducerRecord<>("nobody-made-this", "k", "v")).get())
                .withCauseInstanceOf(TimeoutException.class);
            assertThat(admin.listTopics().names().get()).doesNotContain("nobody-made-this");
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        EmbeddedKafka kafka = EmbeddedKafka.start(this.dataDirectory);
        kafka.close();
        kafka.close();
        assertThat(kafka.clusterId()).isNotBlank();
    }

    @Test
    void startsAgainOnTheSameDirectoryAfterTheJvmWasKilled() throws Exception {
        try (ChildJvm child = ChildJvm.start(KafkaChild.class, this.dataDirectory.toString(), "crashed", "5")) {
            child.awaitReady(120);
            child.killHard();
        }
        assertThat(Files.exists(this.dataDirectory.resolve("kafka/.lock"))).isTrue();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(this.dataDirectory)) {
            List<String> values = Clients.readCommitted(kafka.bootstrapServers(), "crashed", 5);
            assertThat(values).containsExactly("value-0", "value-1", "value-2", "value-3", "value-4");
        }
    }

}
