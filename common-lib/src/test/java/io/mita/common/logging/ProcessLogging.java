package io.mita.common.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The console logging of a MITA process, for tests of what it writes: common-lib's {@code logback-spring.xml}
 * started the way Boot starts it for a process with the given environment,
 * {@code try (ProcessLogging logging = ProcessLogging.start(environment)) { ...; logging.shutDown(); }}. Boot hands
 * its logging settings to Logback as system properties and never replaces one that is set, so the ones an earlier
 * test of this JVM left are cleared first (else that test's format would be used) and put back when closed;
 * closing also gives the tests their own logging ({@code logback-test.xml}) back.
 */
final class ProcessLogging implements AutoCloseable {

    private static final String CONSOLE = "CONSOLE";
    private static final String ASYNC_CONSOLE = "ASYNC_CONSOLE";

    private final LoggingSystem logging = LoggingSystem.get(ProcessLogging.class.getClassLoader());
    private final Map<String, String> systemPropertiesBefore = new HashMap<>();

    private ProcessLogging(ConfigurableEnvironment environment) {
        for (LoggingSystemProperty property : LoggingSystemProperty.values()) {
            String name = property.getEnvironmentVariableName();
            systemPropertiesBefore.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
        try {
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
        } catch (RuntimeException failed) {
            close();
            throw failed;
        }
    }

    /** Starts the logging of a process with this environment; fails as that process's start would fail. */
    static ProcessLogging start(ConfigurableEnvironment environment) {
        return new ProcessLogging(environment);
    }

    /** What Boot's shutdown hook does: stops logging, writing every line still queued. */
    void shutDown() {
        logging.getShutdownHandler().run();
    }

    /** The class of the formatter the console appender writes with (behind the asynchronous appender). */
    Class<?> consoleFormatter() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<?> async = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ASYNC_CONSOLE);
        Appender<?> console = ((AppenderAttachable<?>) async).getAppender(CONSOLE);
        StructuredLogEncoder encoder = (StructuredLogEncoder) ((OutputStreamAppender<?>) console).getEncoder();
        // Boot's encoder does not expose its formatter; the lines of two ECS writers cannot tell them apart
        return ReflectionTestUtils.getField(encoder, "formatter").getClass();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.stop();
        context.reset();
        systemPropertiesBefore.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("the tests' logback-test.xml did not load", e);
        }
    }
}
