package org.herald.publisher.announcement;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.herald.events.AnnouncementPublished;
import org.herald.events.Topics;
import org.herald.support.kafka.KafkaJson;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Writes announcements to {@link Topics#ANNOUNCEMENTS} and waits for the broker's
 * acknowledgement.
 * <p>
 * It has a producer of its own, whatever the application's shared producer factory is
 * (the all-in-one application's may be transactional): idempotent, {@code acks=all},
 * never transactional, with its timeouts derived from the send timeout so that the
 * producer itself gives up at about the time the caller stops waiting — a record is then
 * either acknowledged, or failed and not retried behind the caller's back.
 */
class AnnouncementSender implements AutoCloseable {

    /**
     * How much longer than the producer's own delivery timeout a send is waited for, at
     * most.
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final DefaultKafkaProducerFactory<String, Object> producers;

    private final KafkaTemplate<String, Object> template;

    private final Duration wait;

    /**
     * @param sharedProducerConfig the configuration of the application's producer factory
     * (bootstrap servers, security, client id), to which this sender's own settings are
     * applied
     * @param sendTimeout how long a send may take, from the call to the acknowledgement
     */
    AnnouncementSender(Map<String, Object> sharedProducerConfig, Duration sendTimeout) {
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig(sharedProducerConfig, sendTimeout),
                StringSerializer::new, KafkaJson::valueSerializer);
        this.template = new KafkaTemplate<>(this.producers);
        // Failures are reported (and logged, without the announcement's text) by the
        // caller.
        this.template.setProducerListener(new ProducerListener<>() {
        });
        this.wait = sendTimeout.plus(GRACE);
    }

    static Map<String, Object> producerConfig(Map<String, Object> shared, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(shared);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int timeout = (int) Math.min(Integer.MAX_VALUE, sendTimeout.toMillis());
        int linger = lingerMs(config);
        config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeout - linger));
        return config;
    }

    private static int lingerMs(Map<String, Object> config) {
        Object linger = config.get(ProducerConfig.LINGER_MS_CONFIG);
        int configured = (linger != null) ? Integer.parseInt(linger.toString()) : 5;
        return Math.min(configured, 20);
    }

    /**
     * Writes {@code announcement}, keyed by its id, and returns when the broker has
     * acknowledged it.
     * @throws PublishingUnavailableException if the broker did not acknowledge it within
     * the send timeout
     */
    void send(AnnouncementPublished announcement) {
        try {
            this.template.send(Topics.ANNOUNCEMENTS, announcement.id().toString(), announcement)
                .get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw unavailable(ex.getCause());
        }
        catch (TimeoutException | KafkaException | org.apache.kafka.common.KafkaException ex) {
            throw unavailable(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable(ex);
        }
    }

    private static PublishingUnavailableException unavailable(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new PublishingUnavailableException("The broker did not acknowledge the record: " + root, cause);
    }

    @Override
    public void close() {
        this.producers.destroy();
    }

}
