package io.mita.gateway.erasure;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Erased users' tokens refused at the edge (docs/auth.md, "Account deletion"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasedAccountsProperties.class)
@ConditionalOnProperty(name = "mita.gateway.erased-accounts.enabled", havingValue = "true")
class ErasedAccountsConfiguration {

    @Bean
    ErasedAccounts erasedAccounts(ErasedAccountsProperties properties) {
        return new ErasedAccounts(properties.window(), properties.maximumSize());
    }

    @Bean
    ErasureTopicReader erasureTopicReader(
            ErasedAccountsProperties properties,
            ErasedAccounts erased,
            ConsumerFactory<?, ?> serviceConsumers,
            JsonMapper json,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        Map<String, Object> config = ErasureTopicReader.withoutGroup(
                serviceConsumers.getConfigurationProperties(), properties.partitionRefresh());
        UserErasedListener listener = new UserErasedListener(erased, json, time);
        return new ErasureTopicReader(
                () -> new KafkaConsumer<String, CloudEvent>(config),
                properties.topic(),
                properties.window(),
                properties.partitionRefresh(),
                listener::on,
                time);
    }

    @Bean
    ErasedAccountWebFilter erasedAccountWebFilter(ErasedAccounts erased) {
        return new ErasedAccountWebFilter(erased);
    }
}
