package io.mita.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.common.config.MitaDefaultsEnvironmentPostProcessor;
import io.mita.testsupport.PostgresTestDatabase;
import io.netty.util.concurrent.EventExecutor;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/**
 * The R2DBC driver of a data service, configured as every service's is (mita-data-service-defaults.yml, Boot's pooled
 * connection factory), against the real PostgreSQL: eight queries at once hold eight pooled connections, and each
 * answer notes the thread it arrived on, which is the event loop its connection lives on.
 */
class DatabaseEventLoopsIT {

    private static final String DATABASE = PostgresTestDatabase.create("dbloops");
    private static final int CONNECTIONS = 8;

    private final ApplicationContextRunner dataService = new ApplicationContextRunner()
            .withInitializer(context -> new MitaDefaultsEnvironmentPostProcessor()
                    .postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
            .withConfiguration(
                    AutoConfigurations.of(R2dbcAutoConfiguration.class, MitaDatabaseEventLoopsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.r2dbc.url=r2dbc:postgresql://" + PostgresTestDatabase.host() + ":"
                            + PostgresTestDatabase.port() + "/" + DATABASE,
                    "spring.r2dbc.username=" + PostgresTestDatabase.user(),
                    "spring.r2dbc.password=" + PostgresTestDatabase.password());

    @Test
    void theConnectionsRunOnTheDriversOwnLoopsAndSpreadOverBothOfTwo() {
        dataService.withPropertyValues("mita.database.event-loops.count=2").run(context -> {
            // the driver's factory still sits under the pool of the data-service defaults
            assertThat(context).hasNotFailed().getBean(ConnectionFactory.class).isInstanceOf(ConnectionPool.class);
            assertThat(loopThreads(context)).isEqualTo(Set.of("mita-r2dbc-epoll-1", "mita-r2dbc-epoll-2"));
        });
    }

    @Test
    void theConnectionsSpreadOverEveryLoopOfThree() {
        dataService.withPropertyValues("mita.database.event-loops.count=3").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(loopThreads(context))
                    .isEqualTo(Set.of("mita-r2dbc-epoll-1", "mita-r2dbc-epoll-2", "mita-r2dbc-epoll-3"));
        });
    }

    @Test
    void withoutACountTheDriverRunsAsManyLoopsAsReactorNettysHttpServer() {
        dataService.run(context -> {
            assertThat(context).hasNotFailed();
            int loops = 0;
            for (var ignored : context.getBean(DatabaseEventLoops.class).onClient(true)) {
                loops++;
            }
            assertThat(loops).isEqualTo(LoopResources.DEFAULT_IO_WORKER_COUNT);
        });
    }

    @Test
    void switchedOffTheDriverRunsOnReactorNettysSharedTcpResourcesAgain() {
        dataService.withPropertyValues("mita.database.event-loops.own=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(DatabaseEventLoops.class);
            assertThat(loopThreads(context)).isNotEmpty().allMatch(name -> name.startsWith("reactor-tcp-"));
        });
    }

    @Test
    void theDriversLoopsEndWhenTheContextCloses() {
        List<Thread> loops = new ArrayList<>();
        dataService.withPropertyValues("mita.database.event-loops.count=2").run(context -> {
            assertThat(loopThreads(context)).hasSize(2);
            loops.addAll(threadsOf(context.getBean(DatabaseEventLoops.class)));
            assertThat(loops).hasSize(2).allMatch(Thread::isAlive);
        });
        // the runner has closed the context (other test classes' contexts, and their loops, may still be open)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(loops).noneMatch(Thread::isAlive));
    }

    @Test
    void aCountBelowOneStopsTheStartWithAMessageNamingTheSetting() {
        dataService
                .withPropertyValues("mita.database.event-loops.count=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("(MITA_DB_IO_WORKERS) must be a positive whole number, was 0"));
    }

    /** The threads the answers of {@value #CONNECTIONS} queries held at once arrived on. */
    private static Set<String> loopThreads(ApplicationContext context) {
        ConnectionFactory database = context.getBean(ConnectionFactory.class);
        List<String> threads = Flux.range(0, CONNECTIONS)
                .flatMap(
                        i -> Mono.usingWhen(
                                database.create(), connection -> answerThread(connection), Connection::close),
                        CONNECTIONS)
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(threads).hasSize(CONNECTIONS);
        return Set.copyOf(threads);
    }

    /** Sleeps so that the other queries need connections of their own. */
    private static Mono<String> answerThread(Connection connection) {
        return Flux.from(connection
                        .createStatement("SELECT pg_backend_pid() AS pid, pg_sleep(0.3) IS NULL AS slept")
                        .execute())
                .flatMap(result ->
                        result.map((row, metadata) -> Thread.currentThread().getName()))
                .single();
    }

    /** The thread of each loop of the group, as each loop reports it. */
    private static List<Thread> threadsOf(DatabaseEventLoops group) {
        List<Thread> threads = new ArrayList<>();
        for (EventExecutor loop : group.onClient(true)) {
            threads.add(Mono.fromCallable(Thread::currentThread)
                    .subscribeOn(Schedulers.fromExecutor(loop))
                    .block(Duration.ofSeconds(30)));
        }
        return threads;
    }
}
