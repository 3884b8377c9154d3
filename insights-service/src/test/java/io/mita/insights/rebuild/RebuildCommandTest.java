package io.mita.insights.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mita.testsupport.CommandRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command line's exit statuses for the service's refusals, against a local fake of the endpoint answering what
 * insights-service answers (the real service: RebuildCommandIT): each problem code its own status and message.
 */
class RebuildCommandTest {

    private static final Path COMMAND = Path.of("../infra/runbooks/rebuild-projections.sh");

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void otherConsumersEndWithExitStatus7AndWhatToDo() {
        answering(409, problem(409, OtherConsumersException.CODE, "1 other member in consumer group insights-service"));

        CommandRun run = run();

        assertThat(run.status()).isEqualTo(7);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr())
                .contains("other insights-service instances consume", "nothing was swapped")
                .contains("Scale insights-service to one instance")
                .contains("1 other member in consumer group insights-service");
    }

    @Test
    void aRebuildRunningAlreadyStillEndsWithExitStatus5() {
        answering(409, problem(409, "INSIGHTS_REBUILD_RUNNING", "a projection rebuild is running on this instance"));

        CommandRun run = run();

        assertThat(run.status()).isEqualTo(5);
        assertThat(run.stderr()).contains("a rebuild is running already");
    }

    @Test
    void kafkaUnableToSayWhoConsumesEndsWithExitStatus8() {
        answering(503, problem(503, ConsumerGroupUnknownException.CODE, "Kafka did not describe consumer group"));

        CommandRun run = run();

        assertThat(run.status()).isEqualTo(8);
        assertThat(run.stderr()).contains("Kafka could not say who consumes", "nothing was swapped");
    }

    @Test
    void anyOtherFailureEndsWithExitStatus1() {
        answering(500, problem(500, "INTERNAL_ERROR", "boom"));

        CommandRun run = run();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("the rebuild failed (HTTP 500)");
    }

    private static String problem(int status, String code, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\",\"errorId\":\"e\"}";
    }

    private void answering(int status, String body) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/insights/admin/projections/rebuild", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private CommandRun run() {
        ProcessBuilder builder = new ProcessBuilder(
                COMMAND.toString(),
                "--insights",
                "http://127.0.0.1:" + server.getAddress().getPort());
        builder.environment().put("MITA_ADMIN_TOKEN", "a-token");
        return CommandRun.of(builder, Duration.ofMinutes(1));
    }
}
