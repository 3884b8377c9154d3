package io.mita.insights.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.insights.inbound.LiveConsumerClientId;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;

/** A broker that does not answer: the rebuild gets 503, never a guess. */
class LiveConsumerGroupTest {

    @Test
    void aBrokerThatDoesNotAnswerIs503ConsumerGroupUnknown() throws Exception {
        LiveConsumerGroup group = new LiveConsumerGroup(
                new KafkaAdmin(Map.<String, Object>of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort())),
                new LiveConsumerClientId(),
                "insights-service",
                Duration.ofSeconds(1));

        assertThatThrownBy(group::others).isInstanceOfSatisfying(ConsumerGroupUnknownException.class, this::is503);
        assertThatThrownBy(group::committedOffsets)
                .isInstanceOfSatisfying(ConsumerGroupUnknownException.class, this::is503);
    }

    private void is503(ConsumerGroupUnknownException unknown) {
        assertThat(unknown.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(unknown.code()).isEqualTo("INSIGHTS_REBUILD_CONSUMERS_UNKNOWN");
        assertThat(unknown.detail()).contains("insights-service", "nothing was swapped");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
