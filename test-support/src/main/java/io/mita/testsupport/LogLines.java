package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger writes while a test runs, each with the MDC it was written with ({@code correlationId},
 * {@code traceId}, {@code spanId}): {@code try (LogLines lines = LogLines.of("mita.request")) { ... }}. Open it in the
 * test method or a {@code @BeforeEach}, never in a field initializer: starting the application context resets
 * Logback and drops a capture opened before.
 */
public final class LogLines implements AutoCloseable {

    /** The MDC key of the correlation id (common-lib's {@code CorrelationId.CONTEXT_KEY}). */
    public static final String CORRELATION_ID = "correlationId";

    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the MDC of the thread that logged, not of the thread that reads the line later
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    private LogLines(Logger logger, Level level) {
        this.logger = logger;
        this.levelBefore = logger.getLevel();
        logger.setLevel(level);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogLines of(String loggerName) {
        return of(loggerName, Level.INFO);
    }

    /** The lines from {@code level} up, e.g. a driver's DEBUG lines (the logger is set back when closed). */
    public static LogLines of(String loggerName, Level level) {
        return new LogLines((Logger) LoggerFactory.getLogger(loggerName), level);
    }

    public static LogLines of(Class<?> loggingClass) {
        return of(loggingClass.getName());
    }

    /** Waits (30 s at most) for the one line carrying this correlation id and answers it; two such lines fail. */
    public ILoggingEvent awaitOneWithCorrelationId(String correlationId) {
        Predicate<ILoggingEvent> ofRequest =
                line -> correlationId.equals(line.getMDCPropertyMap().get(CORRELATION_ID));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines().stream().anyMatch(ofRequest));
        List<ILoggingEvent> found = lines().stream().filter(ofRequest).toList();
        assertThat(found)
                .as("lines of %s with correlation id %s", logger.getName(), correlationId)
                .hasSize(1);
        return found.get(0);
    }

    public List<ILoggingEvent> lines() {
        synchronized (appender) { // AppenderBase.doAppend holds the same lock
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }
}
