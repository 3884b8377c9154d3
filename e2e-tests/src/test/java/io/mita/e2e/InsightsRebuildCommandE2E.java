package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The projection rebuild's command (infra/runbooks/rebuild-projections.sh, docs/insights.md "Rebuild") against the
 * running stack: the bootstrap ADMIN rebuilds and gets the report; a user who is not an ADMIN and a wrong password
 * each end with their own exit status, and no password is ever printed.
 */
class InsightsRebuildCommandE2E {

    private static final Path COMMAND = Path.of("../infra/runbooks/rebuild-projections.sh");

    private final MobileApp app = new MobileApp();

    @Test
    void theBootstrapAdminRebuildsTheProjectionsAndGetsTheReport() {
        Run run = run(Map.of());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout().strip())
                .matches("\\{.*\\}")
                .containsPattern("\"records\":\\d+")
                .containsPattern("\"applied\":\\d+")
                .containsPattern("\"refused\":\\d+")
                .containsPattern("\"eventsPerSecond\":\\d+");
        assertThat(run.stdout() + run.stderr()).doesNotContain(MobileApp.ADMIN_PASSWORD);
    }

    @Test
    void aUserWhoIsNotAnAdminIsRefusedWithExitStatus4() {
        MobileApp.Account user = app.register("rebuilder");

        Run run = run(Map.of("MITA_ADMIN_EMAIL", user.email(), "MITA_ADMIN_PASSWORD", user.password()));

        assertThat(run.status()).isEqualTo(4);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("not an ADMIN").doesNotContain(user.password());
    }

    @Test
    void aWrongPasswordIsRefusedWithExitStatus3AndIsNotPrinted() {
        MobileApp.Account user = app.register("forgetful");
        String wrong = "not the password " + user.password();

        Run run = run(Map.of("MITA_ADMIN_EMAIL", user.email(), "MITA_ADMIN_PASSWORD", wrong));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("sign-in refused").doesNotContain(wrong);
    }

    private record Run(int status, String stdout, String stderr) {}

    private static Run run(Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(List.of(COMMAND.toString()));
        builder.environment().remove("MITA_ADMIN_TOKEN");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(COMMAND + " did not finish within 10 minutes");
            }
            return new Run(
                    process.exitValue(),
                    new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr.get(1, TimeUnit.MINUTES), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("could not run " + COMMAND, e);
        }
    }
}
