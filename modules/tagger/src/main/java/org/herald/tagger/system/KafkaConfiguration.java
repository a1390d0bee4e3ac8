package org.herald.tagger.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.Topics;
import org.herald.support.kafka.DeadLetters;
import org.herald.support.kafka.HeraldTopics;
import org.herald.support.kafka.TopicProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.RetryListener;

/**
 * The topics, and what the transactional listener container does with a record it cannot
 * process: after the transaction rolls back, the {@link DefaultAfterRollbackProcessor}
 * retries it (twice for a poison record, indefinitely while the broker is away), then
 * publishes it to {@code <topic>.dlt} with the reason in headers and commits its offset
 * in the same transaction, so the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * The topics the tagger reads and writes, and the dead-letter topic of the one it
     * reads, each as {@code herald.kafka.*} says; created before its consumer subscribes.
     */
    @Bean
    HeraldTopics heraldTaggerTopics(TopicProperties topics) {
        return topics.topics(Topics.ANNOUNCEMENTS, Topics.deadLetter(Topics.ANNOUNCEMENTS),
                Topics.ANNOUNCEMENTS_TAGGED);
    }

    @Bean
    DefaultAfterRollbackProcessor<Object, Object> deadLetteringAfterRollbackProcessor(
            KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        DefaultAfterRollbackProcessor<Object, Object> processor = DeadLetters.afterRollbackProcessor(template);
        processor.setRetryListeners(new FailureCounter(meters));
        return processor;
    }

    /** Counts failed deliveries and dead-lettered records. */
    static final class FailureCounter implements RetryListener {

        private final Counter failed;

        private final Counter deadLettered;

        FailureCounter(MeterRegistry meters) {
            this.failed = Counter.builder("herald.announcements.tagging.failed")
                .description("Attempts to tag an announcement that failed (each retry counts)")
                .register(meters);
            this.deadLettered = Counter.builder("herald.announcements.dead.lettered")
                .description("Announcements the tagger could not process, sent to "
                        + Topics.deadLetter(Topics.ANNOUNCEMENTS))
                .register(meters);
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            this.failed.increment();
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
            this.deadLettered.increment();
        }

    }

}
