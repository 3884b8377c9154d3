package io.mita.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pool settings every data service gets from mita-data-service-defaults.yml check a connection on acquire
 * locally (is its socket still open), without a {@code SELECT 1} round trip per request. This shows that this
 * is enough after a database restart: the service reaches PostgreSQL through a TCP proxy (NetCrusher) the test
 * closes, which closes every pooled connection as a restarting server does; once it is open again the very
 * first queries succeed on new connections, none fails on a dead one.
 */
@MitaIntegrationTest
class DatabaseReconnectIT {

    private static final String BACKEND_PID = "SELECT pg_backend_pid() AS pid, pg_sleep(0.2) IS NULL AS slept";

    private static NioReactor reactor;
    private static TcpCrusher databaseProxy;

    @Autowired
    DatabaseClient database;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws IOException {
        reactor = new NioReactor();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        databaseProxy = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress("127.0.0.1", port)
                .withConnectAddress(PostgresTestDatabase.host(), Integer.parseInt(PostgresTestDatabase.port()))
                .buildAndOpen();
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + port + "/${mita.service.database}");
    }

    @AfterAll
    static void closeProxy() {
        databaseProxy.close();
        reactor.close();
    }

    @Test
    void afterTheDatabaseClosedEveryPooledConnectionTheFirstQueriesSucceedOnNewConnections() throws Exception {
        // four concurrent queries leave four connections in the pool
        Set<Integer> before = Set.copyOf(
                Flux.range(0, 4).flatMap(i -> backendPid()).collectList().block(Duration.ofSeconds(30)));
        assertThat(before).hasSize(4);

        databaseProxy.close();
        // the proxy's client sockets are closed: the driver sees its connections end (as after a restart)
        Thread.sleep(500);
        databaseProxy.open();

        List<Integer> after = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // a dead pooled connection handed out would fail here: block() rethrows the error
            after.add(backendPid().block(Duration.ofSeconds(30)));
        }
        assertThat(after).doesNotContainAnyElementsOf(before);
    }

    private Mono<Integer> backendPid() {
        return database.sql(BACKEND_PID)
                .map(row -> row.get("pid", Integer.class))
                .one();
    }
}
