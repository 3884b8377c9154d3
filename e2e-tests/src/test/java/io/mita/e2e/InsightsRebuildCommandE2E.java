package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.CommandRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
        CommandRun run = run(Map.of());

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

        CommandRun run = run(Map.of("MITA_ADMIN_EMAIL", user.email(), "MITA_ADMIN_PASSWORD", user.password()));

        assertThat(run.status()).isEqualTo(4);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("not an ADMIN").doesNotContain(user.password());
    }

    @Test
    void aWrongPasswordIsRefusedWithExitStatus3AndIsNotPrinted() {
        MobileApp.Account user = app.register("forgetful");
        String wrong = "not the password " + user.password();

        CommandRun run = run(Map.of("MITA_ADMIN_EMAIL", user.email(), "MITA_ADMIN_PASSWORD", wrong));

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("sign-in refused").doesNotContain(wrong);
    }

    private static CommandRun run(Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(COMMAND.toString());
        builder.environment().remove("MITA_ADMIN_TOKEN");
        builder.environment().putAll(environment);
        return CommandRun.of(builder, Duration.ofMinutes(10));
    }
}
