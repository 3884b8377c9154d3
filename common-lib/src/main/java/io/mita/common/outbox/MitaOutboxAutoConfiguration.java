package io.mita.common.outbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.common.export.PersonalDataExport;
import io.mita.common.inbox.ProcessedEvents;
import io.mita.common.pii.PiiMasker;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox (writer and relay), the processed-event inbox and the erasure of a person's rows (once
 * per event, on the inbox) of a data-owning service.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "io.mita.common.config.MitaWebAutoConfiguration"
        })
@ConditionalOnClass({DatabaseClient.class, KafkaTemplate.class})
@ConditionalOnBean(DatabaseClient.class)
@EnableConfigurationProperties(MitaEventsProperties.class)
public class MitaOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(
            DatabaseClient database,
            JsonMapper jsonMapper,
            ObjectProvider<PiiMasker> masker,
            MitaEventsProperties properties,
            ObjectProvider<Clock> clock,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<OutboxRelay> relay) {
        // a committed event wakes this process's relay (none in a service that publishes nothing)
        return new OutboxWriter(
                database,
                jsonMapper,
                masker.getIfAvailable(PiiMasker::new),
                properties.source(),
                clock.getIfAvailable(Clock::systemUTC),
                Optional.ofNullable(tracer.getIfAvailable()),
                () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DatabaseClient database) {
        return new ProcessedEvents(database);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataErasure personalDataErasure(
            DatabaseClient database,
            ProcessedEvents processedEvents,
            ReactiveTransactionManager transactionManager,
            ObjectProvider<MeterRegistry> meters) {
        return new PersonalDataErasure(
                database,
                processedEvents,
                TransactionalOperator.create(transactionManager),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataExport personalDataExport(DatabaseClient database, ObjectProvider<Clock> clock) {
        return new PersonalDataExport(database, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty("mita.events.topic")
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            DatabaseClient database,
            ReactiveTransactionManager transactionManager,
            KafkaTemplate<String, CloudEvent> kafka,
            MitaEventsProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(database, TransactionalOperator.create(transactionManager), kafka, properties, meters);
    }
}
