package io.mita.common.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.mita.common.config.MitaDefaultsEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log format has one default, common-lib's mita-defaults.yml ({@code MITA_LOG_FORMAT}, else
 * {@link EcsLogLineFormatter}); logback-spring.xml writes with whatever Boot resolves from it and has none of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultLogFormatTest {

    @Test
    void aProcessWithCommonLibsDefaultsWritesMaskedEcsLinesWithMitasFormatter(CapturedOutput output) {
        MockEnvironment environment = withCommonLibsDefaults(
                new MockEnvironment().withProperty("spring.application.name", "default-format-test"));
        assertThat(environment.getProperty("logging.structured.format.console"))
                .isEqualTo(EcsLogLineFormatter.class.getName());
        try (ProcessLogging logging = ProcessLogging.start(environment)) {
            assertThat(logging.consoleFormatter()).isEqualTo(EcsLogLineFormatter.class);
            LoggerFactory.getLogger("mita.request").info("GET /api/users/{} -> 200 in 2 ms", "jane.doe@example.com");
            logging.shutDown();
        }

        JsonNode json = JsonMapper.builder().build().readTree(lineOf("\"logger\":\"mita.request\"", output));
        assertThat(json.get("message").asString()).isEqualTo("GET /api/users/j***@example.com -> 200 in 2 ms");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("service").get("name").asString()).isEqualTo("default-format-test");
        assertThat(json.get("ecs").get("version").asString()).isEqualTo(EcsLogLineFormatter.ECS_VERSION);
    }

    @Test
    void mitaLogFormatChoosesTheFormatLogbackSpringXmlWritesWith(CapturedOutput output) {
        MockEnvironment environment = withCommonLibsDefaults(new MockEnvironment()
                .withProperty("spring.application.name", "chosen-format-test")
                .withProperty("MITA_LOG_FORMAT", "logstash"));
        try (ProcessLogging logging = ProcessLogging.start(environment)) {
            LoggerFactory.getLogger("mita.request").info("GET /api/users/{} -> 200 in 2 ms", "jane.doe@example.com");
            logging.shutDown();
        }

        JsonNode json = JsonMapper.builder().build().readTree(lineOf("\"logger_name\":\"mita.request\"", output));
        assertThat(json.get("@version").asString()).isEqualTo("1");
        assertThat(json.get("message").asString()).isEqualTo("GET /api/users/j***@example.com -> 200 in 2 ms");
    }

    @Test
    void logbackSpringXmlHasNoFormatOfItsOwnSoAProcessWithoutCommonLibsDefaultsFailsToStartLogging() {
        MockEnvironment withoutCommonLibsDefaults =
                new MockEnvironment().withProperty("spring.application.name", "no-format-test");

        assertThatIllegalStateException().isThrownBy(() -> ProcessLogging.start(withoutCommonLibsDefaults));
    }

    @Test
    void anEmptyMitaLogFormatFailsToStartLoggingInsteadOfWritingUnstructuredLines() {
        MockEnvironment environment = withCommonLibsDefaults(new MockEnvironment()
                .withProperty("spring.application.name", "empty-format-test")
                .withProperty("MITA_LOG_FORMAT", ""));

        assertThatIllegalStateException().isThrownBy(() -> ProcessLogging.start(environment));
    }

    private static MockEnvironment withCommonLibsDefaults(MockEnvironment environment) {
        new MitaDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static String lineOf(String member, CapturedOutput output) {
        return output.getOut()
                .lines()
                .filter(written -> written.contains(member))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + member + " in " + output.getOut()));
    }
}
