package io.mita.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every data-owning service promises operators, checked against the real database and broker:
 * it migrates its own database, reports live and ready on its service port ({@code /livez},
 * {@code /readyz}), exposes metrics and API docs on its management port only, and refuses an
 * anonymous API call with problem+json carrying the caller's correlation id. A service's
 * {@code *OperationsIT} extends this and names one protected path.
 */
@MitaIntegrationTest
public abstract class ServiceOperationsContract {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ApplicationContext context;

    @Value("${mita.service.database}")
    protected String database;

    @Value("${local.server.port}")
    protected int port;

    @Value("${local.management.port}")
    protected int managementPort;

    /** A path of this service's API that needs a token. */
    protected abstract String protectedPath();

    /** Tables this service's own migrations create. */
    protected abstract List<String> ownTables();

    @Test
    void migratesItsOwnDatabaseIncludingTheOutboxAndInbox() throws SQLException {
        List<String> tables = tablesOf(database);
        assertThat(tables).contains("outbox_event", "processed_event", "flyway_schema_history");
        assertThat(tables).containsAll(ownTables());
    }

    @Test
    void reportsLiveAndReadyWithTheDatabaseButNotKafkaInTheReadinessGroup() {
        web.get().uri("/livez").exchange().expectStatus().isOk();
        web.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka")
                .doesNotExist();
        // a broker outage must not take the API out of rotation (the outbox holds the events); operators still
        // see Kafka's state in the health details
        assertThat(context.containsBean("kafkaHealthIndicator")).isTrue();
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void answersEveryHealthCheckOnOneKeepAliveConnection() throws IOException {
        // Reactor Netty 1.3.6 stopped answering such a connection after a few hundred checks (docs/decisions.md)
        assertThat(KeepAliveProbe.answeredInARow(port, "/livez", 1500, 5000)).isEqualTo(1500);
        assertThat(KeepAliveProbe.answeredInARow(port, "/readyz", 500, 5000)).isEqualTo(500);
    }

    @Test
    void exposesPrometheusMetricsAndOpenApiOnTheManagementPortWithoutAToken() {
        management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        management()
                .get()
                .uri("/actuator/openapi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists();
    }

    @Test
    void servesNeitherMetricsNorApiDocsOnTheServicePort() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/openapi", "/actuator/info", "/v3/api-docs")) {
            web.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("NOT_FOUND");
        }
    }

    /** A client of this service's management port (actuator and API docs). */
    protected WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                // a first scrape renders every meter: slow on a busy build machine
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    @Test
    void refusesAnAnonymousApiCallWithProblemJsonAndTheCallersCorrelationId() {
        web.get()
                .uri(protectedPath())
                .header("X-Correlation-Id", "ops-contract-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("X-Correlation-Id", "ops-contract-1")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED")
                .jsonPath("$.correlationId")
                .isEqualTo("ops-contract-1")
                .jsonPath("$.errorId")
                .exists();
    }

    @Test
    void replacesAMalformedCorrelationIdWithAFreshOne() {
        web.get()
                .uri("/livez")
                .header("X-Correlation-Id", "not ok <script>")
                .exchange()
                .expectHeader()
                .value("X-Correlation-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private static List<String> tablesOf(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        PostgresTestDatabase.jdbcUrl(database),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password());
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
