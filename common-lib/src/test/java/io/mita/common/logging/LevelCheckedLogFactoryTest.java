package io.mita.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

class LevelCheckedLogFactoryTest {

    private static final String LOGGER = "mita.test.level-checked";

    private final AtomicInteger renderings = new AtomicInteger();
    private final Supplier<String> expensiveText = () -> {
        renderings.incrementAndGet();
        return "matched " + "x".repeat(1_000);
    };

    @BeforeEach
    void loggerAtInfo() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(LOGGER)).setLevel(Level.INFO);
    }

    @Test
    void commonsLoggingHandsOutLevelCheckedLogsThroughTheServiceFile() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckedLogFactory.class);
        assertThat(LogFactory.getLog(LOGGER)).isInstanceOf(LevelCheckedLog.class);
    }

    @Test
    void aLazyMessageForADisabledLevelIsNeverRendered() {
        Log log = LogFactory.getLog(LOGGER);

        log.debug(LogMessage.of(expensiveText));
        log.trace(LogMessage.of(expensiveText), new IllegalStateException("ignored"));
        log.debug(LogMessage.format("%s", new Rendering(renderings)));

        assertThat(renderings).hasValue(0);
    }

    @Test
    void aMessageForAnEnabledLevelIsRenderedOnce() {
        Log log = LogFactory.getLog(LOGGER);

        log.info(LogMessage.of(expensiveText));
        log.warn(LogMessage.of(expensiveText), new IllegalStateException("logged"));

        assertThat(renderings).hasValue(2);
    }

    @Test
    void theSlf4jAdapterOfCommonsLoggingAloneRendersDisabledMessagesTheReasonForTheWrapper() {
        Log unchecked = new Slf4jLogFactory().getInstance(LOGGER);

        unchecked.debug(LogMessage.of(expensiveText));

        // When this fails, Commons Logging checks the level itself and LevelCheckedLogFactory can go.
        assertThat(renderings).hasValue(1);
    }

    private record Rendering(AtomicInteger renderings) {
        @Override
        public String toString() {
            renderings.incrementAndGet();
            return "rendered";
        }
    }
}
