package io.mita.gateway.erasure;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Erased users' tokens refused at the edge (docs/gateway.md, "Erased accounts"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasedAccountsProperties.class)
@ConditionalOnProperty(name = "mita.gateway.erased-accounts.enabled", havingValue = "true")
class ErasedAccountsConfiguration {

    @Bean
    ErasedAccounts erasedAccounts(ErasedAccountsProperties properties) {
        return new ErasedAccounts(properties.window(), properties.maximumSize());
    }

    @Bean
    UserErasedListener userErasedListener(ErasedAccounts erased, JsonMapper json, ObjectProvider<Clock> clock) {
        return new UserErasedListener(erased, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ErasedAccountWebFilter erasedAccountWebFilter(ErasedAccounts erased) {
        return new ErasedAccountWebFilter(erased);
    }
}
