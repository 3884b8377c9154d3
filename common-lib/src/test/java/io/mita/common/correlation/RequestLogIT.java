package io.mita.common.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class RequestLogIT {

    @Autowired
    WebTestClient web;

    private final Logger requestLog = (Logger) LoggerFactory.getLogger("mita.request");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = requestLog.getLevel();
        requestLog.setLevel(Level.INFO);
        captured.start();
        requestLog.addAppender(captured);
    }

    @AfterEach
    void release() {
        requestLog.detachAppender(captured);
        requestLog.setLevel(levelBefore);
    }

    @Test
    void everyAnsweredRequestIsLoggedOnceWithItsCorrelationAndTraceIdsEvenWhenTheTraceIsNotSampled() {
        web.get()
                .uri("/api/test/greeting?email=jane@example.com")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                .header(CorrelationId.HEADER, "log-line-1")
                .exchange()
                .expectStatus()
                .isOk();

        ILoggingEvent line = awaitLine("log-line-1");
        assertThat(line.getFormattedMessage())
                .isEqualTo("GET /api/test/greeting -> 200 in " + line.getArgumentArray()[3] + " ms");
        assertThat(line.getFormattedMessage()).doesNotContain("jane@example.com");
        assertThat(line.getMDCPropertyMap()).containsKey("traceId").containsKey("spanId");
    }

    @Test
    void aRefusedRequestIsLoggedWithItsStatus() {
        web.get()
                .uri("/api/test/greeting")
                .header(CorrelationId.HEADER, "log-line-2")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(awaitLine("log-line-2").getFormattedMessage()).startsWith("GET /api/test/greeting -> 401");
    }

    private ILoggingEvent awaitLine(String correlationId) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> captured.list.stream()
                        .anyMatch(event ->
                                correlationId.equals(event.getMDCPropertyMap().get(CorrelationId.CONTEXT_KEY))));
        return captured.list.stream()
                .filter(event -> correlationId.equals(event.getMDCPropertyMap().get(CorrelationId.CONTEXT_KEY)))
                .reduce((first, second) -> {
                    throw new AssertionError("logged twice: " + first + " / " + second);
                })
                .orElseThrow();
    }
}
