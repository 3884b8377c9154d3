package io.mita.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ReactorNettyEventLoopsTest {

    @Test
    void withoutTheOperatorsSettingTheLoopsFollowTheProcessorsButNeverFewerThanTwo() {
        assertThat(ReactorNettyEventLoops.count(null, environment(Map.of()), 1)).contains(2);
        assertThat(ReactorNettyEventLoops.count(null, environment(Map.of()), 2)).contains(2);
        assertThat(ReactorNettyEventLoops.count(null, environment(Map.of()), 8)).contains(8);
    }

    @Test
    void anEmptyMitaIoWorkersAsComposePassesItLeavesTheCountToTheProcessors() {
        assertThat(ReactorNettyEventLoops.count(null, environment(Map.of("MITA_IO_WORKERS", "")), 3))
                .contains(3);
    }

    @Test
    void mitaIoWorkersGivesTheCountWhateverTheProcessors() {
        assertThat(ReactorNettyEventLoops.count(null, environment(Map.of("MITA_IO_WORKERS", " 1 ")), 8))
                .contains(1);
    }

    @Test
    void aReactorNettySystemPropertyIsLeftAsTheOperatorSetIt() {
        assertThat(ReactorNettyEventLoops.count("4", environment(Map.of("MITA_IO_WORKERS", "3")), 2))
                .isEmpty();
    }

    @Test
    void mitaIoWorkersThatIsNotAPositiveWholeNumberStopsTheStart() {
        for (String refused : new String[] {"0", "-2", "two", "2.5"}) {
            assertThatThrownBy(() ->
                            ReactorNettyEventLoops.count(null, environment(Map.of("MITA_IO_WORKERS", refused)), 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "MITA_IO_WORKERS must be a positive whole number of event loops, was '" + refused + "'");
        }
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("operator", properties));
        return environment;
    }
}
