package org.herald.support.kafka;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.herald.events.Topics;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead-lettering: a record that cannot be processed goes to {@code <topic>.dlt} with the
 * reason in Spring Kafka's standard headers ({@code kafka_dlt-exception-fqcn},
 * {@code kafka_dlt-exception-message}, {@code kafka_dlt-exception-stacktrace},
 * {@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset},
 * {@code -timestamp}, {@code -consumer-group}), and the records behind it keep flowing.
 * <p>
 * Failures fall in two kinds. A record that cannot be read, or that processing rejects,
 * is poison: it is retried twice (it may have been unlucky), then dead-lettered; a record
 * that cannot be deserialised is dead-lettered at once. A failure of the infrastructure
 * (the database or the broker unreachable) says nothing about the record: it is retried
 * with exponential back-off (up to 30 s apart) until the infrastructure returns, so an
 * outage never sends good records to the dead-letter topic.
 */
public final class DeadLetters {

    private static final BackOff POISON_BACK_OFF = new FixedBackOff(500, 2);

    private DeadLetters() {
    }

    /**
     * Publishes a failed record to {@code <topic>.dlt}, letting Kafka choose the
     * partition.
     */
    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    /** The error handler of a listener container that does not use transactions. */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(template), POISON_BACK_OFF);
        handler.setBackOffFunction((record, ex) -> isInfrastructureFailure(ex) ? infrastructureBackOff() : null);
        return handler;
    }

    /**
     * The after-rollback processor of a transactional listener container: the same
     * policy, with the dead-letter record and the consumer offset committed in one
     * transaction.
     */
    public static DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(
            KafkaOperations<Object, Object> template) {
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                recoverer(template), POISON_BACK_OFF, template, true);
        processor.setBackOffFunction((record, ex) -> isInfrastructureFailure(ex) ? infrastructureBackOff() : null);
        return processor;
    }

    /**
     * Whether {@code ex} is a failure of the infrastructure rather than of the record:
     * such a record is retried until the infrastructure returns, never dead-lettered.
     */
    public static boolean isInfrastructureFailure(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof RetriableException
                    || cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static BackOff infrastructureBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

}
