package io.mita.insights.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.testsupport.CommandRun;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The rebuild's command line (infra/runbooks/rebuild-projections.sh) against this service on its port: an ADMIN's
 * token rebuilds and prints the report; a USER's token ends with exit status 4, a token the service does not accept
 * with 3, another member in the live consumer group with 7, and no token is ever printed. (Signing in at auth-service
 * is covered by InsightsRebuildCommandE2E; the statuses of other answers by RebuildCommandTest.)
 */
@MitaIntegrationTest
// the same context as ProjectionRebuildIT: a live consumer group of its own
@TestPropertySource(properties = "mita.insights.consumer-group=insights-projections-rebuild-it")
class RebuildCommandIT {

    private static final Path COMMAND = Path.of("../infra/runbooks/rebuild-projections.sh");

    @LocalServerPort
    int port;

    @Value("${mita.insights.consumer-group}")
    String liveGroup;

    @Test
    void anAdminsTokenRebuildsAndTheReportIsPrintedAsOneJsonLine() {
        String token = TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN");

        CommandRun run = run(token);

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip())
                .matches("\\{.*\\}")
                .containsPattern("\"records\":\\d+")
                .containsPattern("\"applied\":\\d+")
                .containsPattern("\"ignored\":\\d+")
                .containsPattern("\"refused\":\\d+")
                .containsPattern("\"millis\":\\d+")
                .containsPattern("\"eventsPerSecond\":\\d+");
        assertThat(run.stdout() + run.stderr()).doesNotContain(token);
    }

    @Test
    void aUsersTokenEndsWithExitStatus4() {
        String token = TestTokens.forUser(UUID.randomUUID(), "USER");

        CommandRun run = run(token);

        assertThat(run.status()).isEqualTo(4);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("not an ADMIN").doesNotContain(token);
    }

    @Test
    void aTokenTheServiceRefusesEndsWithExitStatus3() {
        CommandRun run = run("not-a-token");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("refused the token");
    }

    @Test
    void anotherInstanceInTheConsumerGroupEndsWithExitStatus7AndSaysWhatToDo() throws Exception {
        String token = TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN");
        try (OtherInstance other = new OtherInstance(liveGroup, "mita.budget.v1")) {
            await().atMost(KafkaTestBroker.patience()).until(other::joined);

            CommandRun run = run(token);

            assertThat(run.status()).as(run.stderr()).isEqualTo(7);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr())
                    .contains("other insights-service instances consume", "nothing was swapped")
                    .contains("Scale insights-service to one instance")
                    .contains(other.clientId)
                    .doesNotContain(token);
        }
    }

    private CommandRun run(String token) {
        ProcessBuilder builder = new ProcessBuilder(COMMAND.toString(), "--insights", "http://127.0.0.1:" + port);
        builder.environment().put("MITA_ADMIN_TOKEN", token);
        return CommandRun.of(builder, Duration.ofMinutes(5));
    }
}
