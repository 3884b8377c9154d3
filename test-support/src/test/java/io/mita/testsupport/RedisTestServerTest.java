package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RedisTestServerTest {

    @Test
    void startsARedisOfItsOwnThatAnswersAndIsNotTheMachinesOwn() {
        assertThat(RedisTestServer.port()).isPositive().isNotEqualTo(6379);
        if (!KafkaTestBroker.dockerAvailable()) {
            assertThat(RedisTestServer.answersPing(RedisTestServer.port())).isTrue();
        }
    }

    @Test
    void aSpawnedServerPersistsNothingAndListensOnLoopbackOnly() {
        assertThat(RedisTestServer.command(7000, Path.of("/tmp/r")))
                .containsSubsequence("--port", "7000")
                .containsSubsequence("--bind", "127.0.0.1")
                .containsSubsequence("--save", "")
                .containsSubsequence("--appendonly", "no");
    }
}
