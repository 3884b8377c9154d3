package io.mita.auth.password.hashing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * auth-service's production JVM profile as docker-compose.yml runs it — the one source the tests read, so no test
 * carries a copy of the options: the default of {@code JAVA_TOOL_OPTIONS} (inside {@code ${MITA_FULL_JIT_JVM_OPTS:-…}})
 * and the container's {@code mem_limit}. {@code ProductionJvmProfileTest} checks that the image
 * (infra/docker/service.Dockerfile) and bench/lib/profiles.sh say the same.
 */
record ProductionJvmProfile(String jvmOptions, String memoryLimit) {

    private static final Pattern DEFAULT_OF_VARIABLE = Pattern.compile("\\$\\{[A-Z_]+:-(.*)}");

    static ProductionJvmProfile ofAuthService() {
        Map<String, Object> service = authService();
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        Matcher options = DEFAULT_OF_VARIABLE.matcher(String.valueOf(environment.get("JAVA_TOOL_OPTIONS")));
        if (!options.matches()) {
            throw new IllegalStateException("auth-service's JAVA_TOOL_OPTIONS in docker-compose.yml is not "
                    + "${VARIABLE:-default}: " + environment.get("JAVA_TOOL_OPTIONS"));
        }
        Object memoryLimit = service.get("mem_limit");
        if (memoryLimit == null) {
            throw new IllegalStateException("auth-service has no mem_limit in docker-compose.yml");
        }
        return new ProductionJvmProfile(options.group(1).trim(), String.valueOf(memoryLimit));
    }

    /** The container's limit as a JVM size ({@code 768m}), for {@code -XX:MaxRAM}. */
    String memoryLimitForJvm() {
        return memoryLimit.toLowerCase(java.util.Locale.ROOT).replaceAll("b$", "");
    }

    long memoryLimitMib() {
        String size = memoryLimitForJvm();
        long amount = Long.parseLong(size.replaceAll("[kmg]$", ""));
        return switch (size.charAt(size.length() - 1)) {
            case 'g' -> amount * 1024;
            case 'm' -> amount;
            case 'k' -> amount / 1024;
            default -> amount / (1024 * 1024);
        };
    }

    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("docker-compose.yml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException(
                    "no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> authService() {
        try (Reader reader = Files.newBufferedReader(repositoryRoot().resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("auth-service");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
