package io.mita.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import jakarta.validation.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ToStringSerializer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as every MITA service uses it: CloudEvents in binary mode; a listener failure is handled by what
 * it is ({@link ConsumerFailures}): a record that can never be processed (not a CloudEvent, malformed,
 * failed validation) goes to {@code <topic>.dlt} at once with the reason in headers; an infrastructure
 * failure (the consumer's database down, a timeout) is retried with back-off until it passes and is never
 * dead-lettered; anything else is retried for the retry window, then dead-lettered (never skipped
 * silently). Listener containers stop within a bound, back-off pauses included.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(MitaKafkaConsumerProperties.class)
public class MitaKafkaAutoConfiguration {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Logger log = LoggerFactory.getLogger(MitaKafkaAutoConfiguration.class);

    /** Records that can never be processed: straight to the dead-letter topic (plus the handler's defaults). */
    static final List<Class<? extends Exception>> POISON = List.of(
            NonRetryableEventException.class,
            DeserializationException.class,
            JacksonException.class,
            IllegalArgumentException.class,
            ClassCastException.class,
            ValidationException.class);

    /** Classified retryable so that they outrank a poison type deeper in their cause chain. */
    static final List<Class<? extends Exception>> RETRYABLE = List.of(
            TransientDataAccessException.class,
            DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class,
            TimeoutException.class);

    @Bean
    @ConditionalOnMissingBean
    EventPayloads eventPayloads(JsonMapper jsonMapper) {
        return new EventPayloads(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean(DefaultErrorHandler.class)
    DefaultErrorHandler mitaKafkaErrorHandler(
            KafkaProperties properties, MitaKafkaConsumerProperties retries, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        var producerFactory = new DefaultKafkaProducerFactory<Object, Object>(
                config, ToStringSerializer::new, DeadLetterValueSerializer::new);
        var deadLetters = new KafkaTemplate<>(producerFactory);
        var recoverer = new DeadLetterPublishingRecoverer(
                deadLetters, (record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        ConsumerRecordRecoverer counted = (record, failure) -> {
            if (ConsumerFailures.isInfrastructure(failure)) {
                // the last guard: whatever back-off ran out, an infrastructure failure is never dead-lettered; a
                // failed recovery resets the record's state, so it is retried with the endless back-off
                throw new IllegalStateException(
                        "not dead-lettering " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " for an infrastructure failure, retrying",
                        failure);
            }
            recoverer.accept(record, failure);
            Counter.builder("mita.kafka.dead.letters")
                    .description("records published to a dead-letter topic")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
        };
        BackOff untilItPasses = backOff(retries, null);
        BackOff withinTheWindow = backOff(retries, retries.retryWindow());
        // the constructor's back-off is also the whole-batch fallback's: a batch listener that throws anything but
        // a BatchListenerFailedException is retried until it passes, never dead-lettered whole
        var handler = new DefaultErrorHandler(counted, untilItPasses);
        handler.setBackOffFunction(
                (record, failure) -> ConsumerFailures.isInfrastructure(failure) ? untilItPasses : withinTheWindow);
        handler.addNotRetryableExceptions(POISON.toArray(Class[]::new));
        // the handler classifies by the outermost classified cause: a data-access failure outranks, say, an
        // IllegalArgumentException deeper in its chain
        handler.addRetryableExceptions(RETRYABLE.toArray(Class[]::new));
        // keep a record's back-off across failures of changing kinds (refused connection, then a timeout), so the
        // pause grows during an outage instead of restarting at the initial back-off each time
        handler.setResetStateOnExceptionChange(false);
        handler.setRetryListeners(new CountingRetryListener(registry));
        return handler;
    }

    private static BackOff backOff(MitaKafkaConsumerProperties retries, Duration window) {
        var backOff = new ExponentialBackOff(retries.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(retries.maxBackOff().toMillis());
        if (window != null) {
            backOff.setMaxElapsedTime(window.toMillis());
        }
        return backOff;
    }

    /** As the handler classifies: the outermost cause that is either retryable or poison decides. */
    static boolean isPoison(Throwable failure) {
        List<Class<? extends Throwable>> poison = new ArrayList<Class<? extends Throwable>>(POISON);
        poison.addAll(ExceptionClassifier.defaultFatalExceptionsList());
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            Throwable current = cause;
            if (RETRYABLE.stream().anyMatch(type -> type.isInstance(current))) {
                return false;
            }
            if (poison.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesItsRecord(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof BatchListenerFailedException) {
                return true;
            }
        }
        return false;
    }

    /** Counts and logs every failed delivery that will be retried, by topic and kind. */
    static final class CountingRetryListener implements RetryListener {

        private final MeterRegistry registry;

        CountingRetryListener(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
            if (isPoison(failure)) {
                return; // dead-lettered at once, not retried
            }
            String kind = ConsumerFailures.isInfrastructure(failure) ? "infrastructure" : "other";
            Counter.builder("mita.kafka.consumer.retries")
                    .description("failed deliveries that are retried after a back-off")
                    .tag("topic", record.topic())
                    .tag("kind", kind)
                    .register(registry)
                    .increment();
            if (deliveryAttempt == 1 || deliveryAttempt % 10 == 0) {
                log.warn(
                        "listener failed topic={} partition={} offset={} attempt={} kind={}, will retry: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        deliveryAttempt,
                        kind,
                        failure.toString());
            }
        }

        /** A whole batch retried; a batch failure that names its record is counted per record instead. */
        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int deliveryAttempt) {
            if (namesItsRecord(failure)) {
                return;
            }
            records.partitions().stream()
                    .findFirst()
                    .map(partition -> records.records(partition).get(0))
                    .ifPresent(first -> failedDelivery(first, failure, deliveryAttempt));
        }
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
