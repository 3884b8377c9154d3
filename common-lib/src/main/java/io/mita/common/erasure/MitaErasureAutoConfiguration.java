package io.mita.common.erasure;

import io.mita.common.events.EventPayloads;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A service that declares a {@link UserDataErasurePlan} gets the whole erasure: the listener on {@code user.erased}
 * ({@code mita.erasure.listener.enabled=false} turns it off for a service that erases from its own listener), the
 * tombstone written in the erasure's transaction, {@link ErasedUsers} for its event consumers, and the refusal of
 * the erased user's still-valid tokens ({@link ErasedUserWebFilter} over {@link RecentErasures}).
 */
@AutoConfiguration(afterName = "io.mita.common.outbox.MitaOutboxAutoConfiguration")
@ConditionalOnBean({UserDataErasurePlan.class, PersonalDataErasure.class, DatabaseClient.class})
@EnableConfigurationProperties(ErasureProperties.class)
public class MitaErasureAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErasedUsers erasedUsers(DatabaseClient database) {
        return new ErasedUsers(database);
    }

    @Bean
    @ConditionalOnMissingBean
    RecentErasures recentErasures(DatabaseClient database, ErasureProperties properties) {
        return new RecentErasures(
                database, properties.refusalWindow(), properties.refresh(), properties.maximumRemembered());
    }

    @Bean
    @ConditionalOnMissingBean
    UserDataErasure userDataErasure(
            UserDataErasurePlan plan, PersonalDataErasure erasure, EventPayloads payloads, RecentErasures recent) {
        return new UserDataErasure(plan, erasure, payloads, recent);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "mita.erasure.listener.enabled", havingValue = "true", matchIfMissing = true)
    UserErasedListener userErasedListener(UserDataErasure erasure) {
        return new UserErasedListener(erasure);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ErasedUserWebFilter erasedUserWebFilter(RecentErasures recent) {
        return new ErasedUserWebFilter(recent);
    }
}
