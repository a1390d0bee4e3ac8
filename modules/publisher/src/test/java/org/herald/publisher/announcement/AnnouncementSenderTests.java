package org.herald.publisher.announcement;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncementSenderTests {

    @Test
    void givesUpNearTheSendTimeout() {
        Map<String, Object> config = AnnouncementSender.producerConfig(Map.of(), Duration.ofSeconds(5));

        assertThat(config).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000)
            .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
            .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4995)
            .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    @Test
    void keepsDeliveryTimeoutAtLeastLingerPlusRequestTimeout() {
        Map<String, Object> config = AnnouncementSender.producerConfig(Map.of(ProducerConfig.LINGER_MS_CONFIG, "100"),
                Duration.ofMillis(200));

        int linger = (int) config.get(ProducerConfig.LINGER_MS_CONFIG);
        int request = (int) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat((int) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
            .isGreaterThanOrEqualTo(linger + request);
        assertThat(linger).isLessThanOrEqualTo(20);
    }

    @Test
    void isIdempotentWithAllAcksAndNeverTransactional() {
        Map<String, Object> shared = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-", ProducerConfig.ACKS_CONFIG, "1");

        Map<String, Object> config = AnnouncementSender.producerConfig(shared, Duration.ofSeconds(5));

        assertThat(config).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
            .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
            .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
            .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }

}
