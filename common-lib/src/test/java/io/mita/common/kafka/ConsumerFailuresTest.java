package io.mita.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.common.events.NonRetryableEventException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class ConsumerFailuresTest {

    @Test
    void aDatabaseThatRefusesConnectionsIsAnInfrastructureFailureHoweverDeeplyWrapped() {
        var refused = new DataAccessResourceFailureException(
                "Failed to obtain R2DBC Connection",
                new R2dbcNonTransientResourceException("Connection refused", new ConnectException("refused")));
        assertThat(ConsumerFailures.isInfrastructure(new ListenerExecutionFailedException(
                        "listener failed", new BatchListenerFailedException("audit store unavailable", refused, 0))))
                .isTrue();
    }

    @Test
    void aTimeoutOnABlockingReadIsAnInfrastructureFailure() {
        assertThat(ConsumerFailures.isInfrastructure(
                        new IllegalStateException("Timeout on blocking read", new TimeoutException())))
                .isTrue();
    }

    @Test
    void aServerShuttingDownOrAConnectionExceptionIsAnInfrastructureFailureByItsSqlState() {
        assertThat(ConsumerFailures.isInfrastructure(new R2dbcBadGrammarException("terminating", "57P01")))
                .isTrue();
        assertThat(ConsumerFailures.isInfrastructure(new R2dbcTransientResourceException("too many", "53300")))
                .isTrue();
    }

    @Test
    void aPoisonRecordASchemaErrorOrABugIsNotAnInfrastructureFailure() {
        assertThat(ConsumerFailures.isInfrastructure(new NonRetryableEventException("not a CloudEvent")))
                .isFalse();
        assertThat(ConsumerFailures.isInfrastructure(new R2dbcBadGrammarException("no such column", "42703")))
                .isFalse();
        assertThat(ConsumerFailures.isInfrastructure(new NullPointerException()))
                .isFalse();
    }

    @Test
    void onlyDataOrConstraintViolationsAreRefusalsOfTheRowItself() {
        assertThat(ConsumerFailures.isDataRefusal(new R2dbcDataIntegrityViolationException("check", "23514")))
                .isTrue();
        assertThat(ConsumerFailures.isDataRefusal(new R2dbcBadGrammarException("invalid json", "22P02")))
                .isTrue();
        assertThat(ConsumerFailures.isDataRefusal(new R2dbcBadGrammarException("no such column", "42703")))
                .isFalse();
        assertThat(ConsumerFailures.isDataRefusal(new IllegalStateException("no state")))
                .isFalse();
    }
}
