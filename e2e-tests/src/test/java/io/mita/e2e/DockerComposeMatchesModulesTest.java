package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is the container form of docs/conventions.md. These checks keep it in step with
 * the modules: a new {@code *-service} module, a changed default port or database name fails here
 * until the compose file (and infra/postgres/init) follow. Plain file reading, no Docker needed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DockerComposeMatchesModulesTest {

    private static final String GATEWAY = "gateway-service";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+):([^}]*)}");
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("(?i)create\\s+database\\s+\"?([a-z_][a-z0-9_]*)\"?");

    private static Path root;
    private static Map<String, Object> composeServices;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        Map<String, Object> compose = yaml(root.resolve("docker-compose.yml"));
        composeServices = map(compose.get("services"), "services");
    }

    static Stream<String> serviceModules() throws Exception {
        return serviceModuleNames().stream();
    }

    static Stream<String> dataServiceModules() throws Exception {
        return serviceModuleNames().stream().filter(module -> !module.equals(GATEWAY));
    }

    @Test
    void the_root_pom_lists_the_gateway_and_the_data_services() throws Exception {
        assertThat(serviceModuleNames()).contains(GATEWAY).hasSizeGreaterThan(1);
    }

    @ParameterizedTest(name = "{0} has a compose service of the same name")
    @MethodSource("serviceModules")
    void every_service_module_has_a_compose_service_of_the_same_name(String module) {
        assertThat(composeServices).as("services in docker-compose.yml").containsKey(module);
    }

    @ParameterizedTest(name = "{0} is built from the shared service Dockerfile with its own module and port")
    @MethodSource("serviceModules")
    void every_service_is_built_from_the_shared_Dockerfile_with_its_module_and_port(String module) throws IOException {
        Map<String, Object> build = map(service(module).get("build"), module + ".build");
        Path context =
                root.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
        Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")))
                .normalize();
        Map<String, Object> args = map(build.get("args"), module + ".build.args");

        assertThat(dockerfile).isEqualTo(root.resolve("infra/docker/service.Dockerfile"));
        assertThat(context).isEqualTo(root);
        assertThat(args).containsEntry("MODULE", module).containsEntry("PORT", String.valueOf(defaultPort(module)));
    }

    @Test
    void the_service_image_runs_as_a_non_root_user_and_checks_readiness() throws IOException {
        String dockerfile = Files.readString(root.resolve("infra/docker/service.Dockerfile"));

        assertThat(dockerfile)
                .contains("COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar")
                .contains("USER mita")
                .contains("HEALTHCHECK")
                .contains("GET /readyz");
    }

    @ParameterizedTest(name = "{0} publishes the default port of its application.yml")
    @MethodSource("serviceModules")
    void every_service_publishes_the_default_port_of_its_application_yml(String module) throws IOException {
        int port = defaultPort(module);

        assertThat(publishedPorts(module))
                .as("%s ports (host:container)", module)
                .contains(port + ":" + port);
    }

    @ParameterizedTest(name = "{0} keeps its management port off the host; Prometheus scrapes it there")
    @MethodSource("serviceModules")
    void every_service_keeps_its_management_port_unpublished_and_prometheus_scrapes_it(String module)
            throws IOException {
        int management = defaultPort(module, "management.server.port");

        assertThat(management).isNotEqualTo(defaultPort(module));
        assertThat(publishedPorts(module))
                .as("%s ports (host:container)", module)
                .noneMatch(published -> published.endsWith(":" + management));
        String prometheus = Files.readString(root.resolve("infra/prometheus/prometheus.yml"));
        assertThat(prometheus)
                .contains("targets: [" + module + ":" + management + "]")
                .contains("targets: [http://" + module + ":" + defaultPort(module) + "/readyz]");
    }

    @ParameterizedTest(name = "{0} reaches PostgreSQL and Kafka by their compose names")
    @MethodSource("dataServiceModules")
    void every_data_service_reaches_postgres_and_kafka_by_compose_name(String module) {
        Map<String, String> env = environment(module);

        assertThat(env).containsEntry("MITA_DB_HOST", "postgres").containsEntry("MITA_KAFKA_BOOTSTRAP", "kafka:9092");
    }

    @ParameterizedTest(name = "{0} uses a database that infra/postgres/init creates")
    @MethodSource("dataServiceModules")
    void every_data_service_uses_a_database_the_postgres_init_script_creates(String module) throws IOException {
        String variable = prefix(module) + "_DB_NAME";
        String database = environment(module).get(variable);

        assertThat(database).as("%s %s in docker-compose.yml", module, variable).isNotBlank();
        assertThat(databasesCreatedAtInit())
                .as("databases in infra/postgres/init")
                .contains(database);
        String declared = placeholderDefault(applicationYmlText(module), variable);
        if (declared != null) {
            assertThat(database)
                    .as("default of ${%s} in %s's application.yml", variable, module)
                    .isEqualTo(declared);
        }
    }

    @ParameterizedTest(name = "{0} checks tokens against auth-service's JWKS by compose name")
    @MethodSource("serviceModules")
    void every_service_fetches_the_JWKS_from_auth_service_by_compose_name(String module) throws IOException {
        String expected = "http://auth-service:" + defaultPort("auth-service") + "/.well-known/jwks.json";

        assertThat(environment(module)).containsEntry("MITA_JWKS_URI", expected);
    }

    @ParameterizedTest(name = "the gateway routes to {0} by compose name and port")
    @MethodSource("dataServiceModules")
    void the_gateway_routes_to_each_service_by_compose_name_and_port(String module) throws IOException {
        String variable = "MITA_" + prefix(module) + "_URL";

        assertThat(environment(GATEWAY)).containsEntry(variable, "http://" + module + ":" + defaultPort(module));
    }

    @Test
    void the_gateway_routes_to_no_service_that_is_not_a_module() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (String module : serviceModuleNames()) {
            if (!module.equals(GATEWAY)) {
                expected.add("MITA_" + prefix(module) + "_URL");
            }
        }
        Set<String> routes = new TreeSet<>(environment(GATEWAY).keySet());
        routes.removeIf(name -> !name.matches("MITA_\\w+_URL"));

        assertThat(routes).isEqualTo(expected);
    }

    @Test
    void auth_service_trusts_exactly_the_gateways_fixed_address_on_the_compose_network_as_its_proxy() {
        Map<String, Object> networks = map(service(GATEWAY).get("networks"), "services." + GATEWAY + ".networks");
        String gatewayAddress = String.valueOf(map(networks.get("default"), "services." + GATEWAY + ".networks.default")
                .get("ipv4_address"));

        assertThat(gatewayAddress).matches("\\d{1,3}(\\.\\d{1,3}){3}");
        assertThat(environment("auth-service")).containsEntry("MITA_AUTH_TRUSTED_PROXIES", gatewayAddress + "/32");
    }

    // --- reading the repository ----------------------------------------------------------------

    /** The test runs in e2e-tests/ under Maven; from elsewhere, walk up to the folder with both files. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return fail("no folder with docker-compose.yml and pom.xml above "
                + Path.of("").toAbsolutePath());
    }

    private static List<String> serviceModuleNames() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(root.resolve("pom.xml").toFile());
        NodeList modules = pom.getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            String name = modules.item(i).getTextContent().strip();
            if (name.endsWith("-service")) {
                names.add(name);
            }
        }
        return names;
    }

    /** "budget-service" -> "BUDGET", the prefix of BUDGET_PORT, BUDGET_DB_NAME and MITA_BUDGET_URL. */
    private static String prefix(String module) {
        return module.substring(0, module.length() - "-service".length())
                .replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> service(String module) {
        if (!composeServices.containsKey(module)) {
            return fail("docker-compose.yml has no service " + module);
        }
        return map(composeServices.get(module), "services." + module);
    }

    /** The compose environment with YAML merge keys resolved; list form ("K=V") and map form both read. */
    private static Map<String, String> environment(String module) {
        Object raw = service(module).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return env;
    }

    /** "host:container" pairs of the short port syntax, or published:target of the long one. */
    private static List<String> publishedPorts(String module) {
        Object raw = service(module).get("ports");
        List<String> ports = new ArrayList<>();
        if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> longForm) {
                    ports.add(longForm.get("published") + ":" + longForm.get("target"));
                } else {
                    String[] parts = String.valueOf(entry).split(":");
                    ports.add(
                            parts.length == 1
                                    ? parts[0] + ":" + parts[0]
                                    : parts[parts.length - 2] + ":" + parts[parts.length - 1]);
                }
            }
        }
        return ports;
    }

    /** server.port of the module's application.yml: the default of ${X_PORT:8082}, or a plain number. */
    private static int defaultPort(String module) throws IOException {
        return defaultPort(module, "server.port");
    }

    private static int defaultPort(String module, String property) throws IOException {
        Path file = applicationYml(module);
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            Map<String, Object> properties = new LinkedHashMap<>();
            flatten("", document, properties);
            if (properties.get(property) != null) {
                String port = String.valueOf(properties.get(property));
                Matcher placeholder = PLACEHOLDER.matcher(port);
                return Integer.parseInt(placeholder.matches() ? placeholder.group(2) : port);
            }
        }
        return fail(root.relativize(file) + " sets no " + property);
    }

    /** Spring reads "server: {port: x}" and "server.port: x" alike; so does this. */
    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> entries) {
            entries.forEach(
                    (key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
        } else {
            into.put(prefix, value);
        }
    }

    private static Path applicationYml(String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        for (String name : List.of("application.yml", "application.yaml")) {
            if (Files.isRegularFile(resources.resolve(name))) {
                return resources.resolve(name);
            }
        }
        return fail(root.relativize(resources) + "/application.yml is missing; it should set server.port: ${"
                + prefix(module) + "_PORT:<default>}");
    }

    private static String applicationYmlText(String module) throws IOException {
        return Files.readString(applicationYml(module));
    }

    private static String placeholderDefault(String text, String variable) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(variable)) {
                return matcher.group(2);
            }
        }
        return null;
    }

    private static Set<String> databasesCreatedAtInit() throws IOException {
        Set<String> databases = new TreeSet<>();
        try (Stream<Path> scripts = Files.list(root.resolve("infra/postgres/init"))) {
            for (Path script :
                    scripts.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher matcher = CREATE_DATABASE.matcher(Files.readString(script));
                while (matcher.find()) {
                    databases.add(matcher.group(1));
                }
            }
        }
        return databases;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader), file.getFileName().toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        return fail(what + " is not a mapping in docker-compose.yml: " + value);
    }
}
