package io.mita.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * common-lib's logback-spring.xml writes structured lines through a queue; stopping the logging system
 * (what Boot's shutdown hook does) writes every line still queued, with MITA's formatter and with Boot's.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsynchronousLogLinesTest {

    private static final int LINES = 2_000;

    @ParameterizedTest
    @CsvSource({
        "io.mita.common.logging.EcsLogLineFormatter, EcsLogLineFormatter",
        "ecs, ElasticCommonSchemaStructuredLogFormatter"
    })
    void everyLineLoggedJustBeforeShutdownIsWritten(String format, String formatter, CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "async-log-test")
                .withProperty("logging.structured.format.console", format)
                .withProperty("logging.structured.json.customizer", "io.mita.common.pii.PiiMaskingLogCustomizer");
        try (ProcessLogging logging = ProcessLogging.start(environment)) {
            assertThat(logging.consoleFormatter().getSimpleName()).isEqualTo(formatter);
            Logger log = LoggerFactory.getLogger("mita.request");
            for (int i = 0; i < LINES; i++) {
                log.info("GET /api/things/{} for jane.doe@example.com -> 200 in 1 ms", i);
            }
            logging.shutDown();
        }

        String written = output.getOut();
        assertThat(written.lines().filter(line -> line.contains("\"logger\":\"mita.request\"")))
                .hasSize(LINES);
        assertThat(written)
                .contains("GET /api/things/" + (LINES - 1) + " for j***@example.com")
                .doesNotContain("jane.doe");
    }
}
