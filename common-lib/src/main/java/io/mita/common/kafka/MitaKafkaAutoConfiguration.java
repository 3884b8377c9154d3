package io.mita.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ToStringSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as every MITA service uses it: CloudEvents in binary mode; a poison record is retried a
 * bounded number of times and then published to {@code <topic>.dlt} with the reason in headers (never
 * skipped silently) — transient failures are retried with back-off for five minutes first; malformed
 * events go there at once; listener containers stop within a bound.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
public class MitaKafkaAutoConfiguration {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";
    static final Duration RETRY_WINDOW = Duration.ofMinutes(5);

    @Bean
    @ConditionalOnMissingBean
    EventPayloads eventPayloads(JsonMapper jsonMapper) {
        return new EventPayloads(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(DefaultErrorHandler.class)
    DefaultErrorHandler mitaKafkaErrorHandler(KafkaProperties properties, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        var producerFactory = new DefaultKafkaProducerFactory<Object, Object>(
                config, ToStringSerializer::new, DeadLetterValueSerializer::new);
        var deadLetters = new KafkaTemplate<>(producerFactory);
        var recoverer = new DeadLetterPublishingRecoverer(
                deadLetters, (record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        // transient failures (a database restart, a broker hiccup) are retried with a growing pause for
        // up to five minutes before the record is dead-lettered: an outage must not empty a topic into the DLT
        var backOff = new ExponentialBackOff(500L, 2.0);
        backOff.setMaxInterval(30_000L);
        backOff.setMaxElapsedTime(RETRY_WINDOW.toMillis());
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        ConsumerRecordRecoverer counted = (record, failure) -> {
            recoverer.accept(record, failure);
            Counter.builder("mita.kafka.dead.letters")
                    .description("records published to a dead-letter topic")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
        };
        var handler = new DefaultErrorHandler(counted, backOff);
        handler.addNotRetryableExceptions(
                NonRetryableEventException.class,
                DeserializationException.class,
                JacksonException.class,
                IllegalArgumentException.class,
                ClassCastException.class);
        return handler;
    }

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> mitaListenerShutdown() {
        return container -> container
                .getContainerProperties()
                .setShutdownTimeout(Duration.ofSeconds(10).toMillis());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "kafkaHealthAdminClient")
    AdminClient kafkaHealthAdminClient(KafkaAdmin kafkaAdmin) {
        return AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient kafkaHealthAdminClient) {
        return new KafkaHealthIndicator(kafkaHealthAdminClient, Duration.ofSeconds(3));
    }
}
