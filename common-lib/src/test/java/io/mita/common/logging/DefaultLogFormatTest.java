package io.mita.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import io.mita.common.config.MitaDefaultsEnvironmentPostProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
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
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.application.name", "default-format-test");
        new MitaDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console"))
                .isEqualTo(EcsLogLineFormatter.class.getName());
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);

        LoggerFactory.getLogger("mita.request").info("GET /api/users/{} -> 200 in 2 ms", "jane.doe@example.com");
        logging.getShutdownHandler().run();

        String line = output.getOut()
                .lines()
                .filter(written -> written.contains("\"logger\":\"mita.request\""))
                .findFirst()
                .orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("GET /api/users/j***@example.com -> 200 in 2 ms");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("service").get("name").asString()).isEqualTo("default-format-test");
        assertThat(json.get("ecs").get("version").asString()).isEqualTo(EcsLogLineFormatter.ECS_VERSION);
    }

    @AfterEach
    void restoreTheTestLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.stop();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }
}
