package io.mita.common.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mita.common.correlation.CorrelationId;
import io.mita.common.correlation.CorrelationIdLogging;
import io.mita.testsupport.LogLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Without automatic context propagation (every process runs "limited"), as on an R2DBC thread. */
class LogContextTest {

    private static final Logger log = LoggerFactory.getLogger(LogContextTest.class);

    @BeforeAll
    static void correlationIdsReachTheMdc() {
        CorrelationIdLogging.register();
    }

    @Test
    void aLineLoggedForEachValueOnAnotherThreadCarriesTheCorrelationIdOfTheChainsContext() {
        List<String> mdcAfterwards = new ArrayList<>();
        try (LogLines lines = LogLines.of(LogContextTest.class)) {
            Flux.just("a", "b")
                    .publishOn(Schedulers.boundedElastic())
                    .doOnEach(LogContext.onNext(value -> log.info("value {}", value)))
                    .doOnNext(value -> mdcAfterwards.add(MDC.get(CorrelationId.CONTEXT_KEY)))
                    .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "ctx-each-value"))
                    .as(StepVerifier::create)
                    .expectNext("a", "b")
                    .verifyComplete();

            assertThat(lines.lines())
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("value a", "value b");
            assertThat(lines.lines())
                    .allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                            .containsEntry(CorrelationId.CONTEXT_KEY, "ctx-each-value"));
        }
        assertThat(mdcAfterwards).as("the MDC is restored after the log call").containsOnlyNulls();
    }

    @Test
    void aFailureAndACompletionAreLoggedInTheChainsContextAndTheFailureGoesOn() {
        try (LogLines lines = LogLines.of(LogContextTest.class)) {
            Mono.delay(Duration.ofMillis(1))
                    .then(Mono.error(new IllegalStateException("boom")))
                    .doOnEach(LogContext.onError(failure -> log.warn("failed: {}", failure.getMessage())))
                    .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "ctx-failure"))
                    .as(StepVerifier::create)
                    .verifyErrorMessage("boom");
            Mono.delay(Duration.ofMillis(1))
                    .then()
                    .doOnEach(LogContext.onComplete(() -> log.info("done")))
                    .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "ctx-done"))
                    .as(StepVerifier::create)
                    .verifyComplete();

            assertThat(lines.lines())
                    .extracting(
                            ILoggingEvent::getFormattedMessage,
                            line -> line.getMDCPropertyMap().get(CorrelationId.CONTEXT_KEY))
                    .containsExactly(tuple("failed: boom", "ctx-failure"), tuple("done", "ctx-done"));
        }
    }

    @Test
    void aLineOutsideAnyRequestCarriesNoCorrelationId() {
        try (LogLines lines = LogLines.of(LogContextTest.class)) {
            Mono.just(1)
                    .publishOn(Schedulers.boundedElastic())
                    .doOnEach(LogContext.onNext(value -> log.info("background {}", value)))
                    .as(StepVerifier::create)
                    .expectNext(1)
                    .verifyComplete();

            assertThat(lines.lines())
                    .singleElement()
                    .satisfies(
                            line -> assertThat(line.getMDCPropertyMap()).doesNotContainKey(CorrelationId.CONTEXT_KEY));
        }
    }
}
