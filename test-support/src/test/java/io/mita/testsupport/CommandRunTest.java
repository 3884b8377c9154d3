package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandRunTest {

    @Test
    void answersTheExitStatusAndWhatWasPrintedOnEachStream() {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "echo \"out $GREETING\"; echo err >&2; exit 3");
        builder.environment().put("GREETING", "hello");

        CommandRun run = CommandRun.of(builder, Duration.ofSeconds(30));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("out hello\n");
        assertThat(run.stderr()).isEqualTo("err\n");
    }

    @Test
    void aCommandThatFillsTheErrorPipeWhileStdoutStaysOpenStillEnds() {
        // more than a pipe's buffer (64 KiB) on stderr before anything on stdout
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "head -c 300000 /dev/zero >&2; echo done");

        CommandRun run = CommandRun.of(builder, Duration.ofSeconds(30));

        assertThat(run.status()).isZero();
        assertThat(run.stdout()).isEqualTo("done\n");
        assertThat(run.stderr()).hasSize(300_000);
    }

    @Test
    void aCommandThatOutlivesTheTimeoutIsKilledAndReported() {
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");

        assertThatThrownBy(() -> CommandRun.of(builder, Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sleep 60 did not finish within PT0.2S");
    }

    @Test
    void aCommandThatDoesNotExistIsReportedByName() {
        ProcessBuilder builder = new ProcessBuilder("/nonexistent/rebuild.sh");

        assertThatThrownBy(() -> CommandRun.of(builder, Duration.ofSeconds(30)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not start /nonexistent/rebuild.sh");
    }
}
