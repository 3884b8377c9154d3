package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The production JVM options are written three times (compose, image, benchmarks); they must say the same. */
class ProductionJvmProfileTest {

    private final ProductionJvmProfile profile = ProductionJvmProfile.ofAuthService();

    @Test
    void composeRunsAuthServiceWithTheHeapTheDocsDescribeAndAMemoryLimit() {
        assertThat(profile.jvmOptions()).contains("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");
        assertThat(profile.memoryLimitMib()).isEqualTo(768);
    }

    @Test
    void theImageRunsTheSameOptionsAsCompose() throws IOException {
        String dockerfile =
                Files.readString(ProductionJvmProfile.repositoryRoot().resolve("infra/docker/service.Dockerfile"));
        Matcher options = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(dockerfile);
        assertThat(options.find()).isTrue();
        assertThat(options.group(1)).isEqualTo(profile.jvmOptions());
    }

    @Test
    void theBenchmarksProductionProfileRunsTheSameOptionsAsCompose() throws IOException {
        String script = Files.readString(ProductionJvmProfile.repositoryRoot().resolve("bench/lib/profiles.sh"));
        Matcher options = Pattern.compile("PRODUCTION_JVM_OPTS=\"([^\"]+)\"").matcher(script);
        assertThat(options.find()).isTrue();
        assertThat(options.group(1).replace("\\\n", " ").replaceAll("\\s+", " "))
                .isEqualTo(profile.jvmOptions());
    }
}
