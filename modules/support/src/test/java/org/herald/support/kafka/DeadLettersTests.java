package org.herald.support.kafka;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

    @Test
    void treatsAnUnreachableDatabaseOrBrokerAsInfrastructureFailure() {
        assertThat(DeadLetters.isInfrastructureFailure(new ListenerExecutionFailedException("listener",
                new DataAccessResourceFailureException("down", new SQLTransientConnectionException()))))
            .isTrue();
        assertThat(DeadLetters.isInfrastructureFailure(new TimeoutException("broker"))).isTrue();
        assertThat(DeadLetters.isInfrastructureFailure(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void treatsARejectedRecordAsPoison() {
        assertThat(DeadLetters.isInfrastructureFailure(new IllegalArgumentException("relevance must be 0 to 3")))
            .isFalse();
        assertThat(DeadLetters.isInfrastructureFailure(
                new ListenerExecutionFailedException("listener", new NullPointerException("title"))))
            .isFalse();
    }

}
