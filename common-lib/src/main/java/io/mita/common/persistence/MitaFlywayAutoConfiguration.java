package io.mita.common.persistence;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Migrations run over JDBC into the service's own database, which is created first if missing. */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
@ConditionalOnProperty("spring.flyway.url")
public class MitaFlywayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy databaseCreatingMigrationStrategy(Environment environment) {
        return new DatabaseCreatingMigrationStrategy(
                environment.getRequiredProperty("spring.flyway.url"),
                environment.getProperty("spring.flyway.user", "postgres"),
                environment.getProperty("spring.flyway.password", ""));
    }
}
