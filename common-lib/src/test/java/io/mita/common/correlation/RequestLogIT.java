package io.mita.common.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class RequestLogIT {

    @Autowired
    WebTestClient web;

    private LogLines requestLines;

    /** Not in a field initializer: starting the application context resets Logback and would drop the capture. */
    @BeforeEach
    void capture() {
        requestLines = LogLines.of("mita.request");
    }

    @AfterEach
    void release() {
        requestLines.close();
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

        ILoggingEvent line = requestLines.awaitOneWithCorrelationId("log-line-1");
        assertThat(line.getFormattedMessage()).matches("GET /api/test/greeting -> 200 in \\d+ ms");
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

        assertThat(requestLines.awaitOneWithCorrelationId("log-line-2").getFormattedMessage())
                .startsWith("GET /api/test/greeting -> 401");
    }
}
