package io.mita.common.persistence;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import reactor.netty.resources.LoopResources;

/**
 * Gives the R2DBC PostgreSQL driver event loops of its own ({@link DatabaseEventLoops}) through its
 * {@code loopResources} option, which Boot's connection factory (and the pool over it) passes on. Off with
 * {@code MITA_DB_OWN_EVENT_LOOPS=false}: the driver then runs on Reactor Netty's {@code TcpResources}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ConditionalOnClass({PostgresqlConnectionFactoryProvider.class, ConnectionFactoryOptionsBuilderCustomizer.class})
@ConditionalOnBooleanProperty("mita.database.event-loops.own")
@EnableConfigurationProperties(DatabaseEventLoopsProperties.class)
public class MitaDatabaseEventLoopsAutoConfiguration {

    @Bean
    DatabaseEventLoops databaseEventLoops(DatabaseEventLoopsProperties properties) {
        Integer count = properties.count();
        if (count != null && count < 1) {
            throw new IllegalStateException(
                    "mita.database.event-loops.count (MITA_DB_IO_WORKERS) must be a positive whole number, was "
                            + count);
        }
        return new DatabaseEventLoops(count == null ? LoopResources.DEFAULT_IO_WORKER_COUNT : count);
    }

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseEventLoopsOption(DatabaseEventLoops loops) {
        return options -> options.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, loops);
    }
}
