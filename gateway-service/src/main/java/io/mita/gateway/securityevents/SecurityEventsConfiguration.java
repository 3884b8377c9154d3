package io.mita.gateway.securityevents;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.mita.common.events.TraceParent;
import io.mita.gateway.caller.ClientAddressResolver;
import io.mita.gateway.routing.RouteNames;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Refused requests → aggregated security events on Kafka. Neither readiness nor requests depend on Kafka. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mita.gateway.security-events.enabled", havingValue = "true", matchIfMissing = true)
class SecurityEventsConfiguration {

    /**
     * Closing the producer waits for unsent records; with Kafka away that would hold shutdown for the
     * client's default 30 s. The flusher already waited {@code shutdown-wait} for the last events.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedProducerClose(SecurityEventsProperties properties) {
        return factory -> factory.setPhysicalCloseTimeout(
                (int) Math.max(1, properties.shutdownWait().toSeconds()));
    }

    @Bean
    AccessDeniedAggregator accessDeniedAggregator(SecurityEventsProperties properties, ObjectProvider<Clock> clock) {
        return new AccessDeniedAggregator(
                clock.getIfAvailable(Clock::systemUTC), properties.window(), properties.maxKeysPerWindow());
    }

    @Bean
    AccessDeniedPublisher accessDeniedPublisher(
            KafkaTemplate<String, CloudEvent> kafka,
            JsonMapper jsonMapper,
            SecurityEventsProperties properties,
            ObjectProvider<Tracer> tracer,
            MeterRegistry meters) {
        return new AccessDeniedPublisher(
                kafka,
                jsonMapper,
                properties.topic(),
                properties.source(),
                () -> TraceParent.current(tracer.getIfAvailable()),
                meters);
    }

    @Bean
    AccessDeniedFlusher accessDeniedFlusher(
            AccessDeniedAggregator aggregator,
            AccessDeniedPublisher publisher,
            SecurityEventsProperties properties,
            ObjectProvider<Clock> clock) {
        return new AccessDeniedFlusher(
                aggregator,
                publisher,
                clock.getIfAvailable(Clock::systemUTC),
                properties.window(),
                properties.shutdownWait());
    }

    @Bean
    DeniedRequestsWebFilter deniedRequestsWebFilter(
            AccessDeniedAggregator aggregator,
            ClientAddressResolver addresses,
            RouteNames routes,
            MeterRegistry meters) {
        return new DeniedRequestsWebFilter(aggregator, addresses, routes, meters);
    }
}
