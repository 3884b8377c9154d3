package io.mita.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A process with common-lib's defaults and logback-spring.xml writes its lines with {@link EcsLogLineFormatter}. */
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
