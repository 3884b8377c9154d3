package io.mita.common.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a listener failure is retried. Infrastructure failures ({@link ConsumerFailures}) are retried without
 * end, poison records not at all; only a failure that is neither is dead-lettered after {@code retryWindow}.
 * The defaults (5 m, 500 ms, 30 s) live in {@code mita-kafka-defaults.yml}.
 *
 * @param retryWindow     how long an unclassified failure is retried before its record goes to {@code <topic>.dlt}
 * @param initialBackOff  the first pause between two attempts; it doubles up to {@code maxBackOff}
 * @param maxBackOff      the longest pause between two attempts
 */
@ConfigurationProperties("mita.kafka.consumer")
public record MitaKafkaConsumerProperties(Duration retryWindow, Duration initialBackOff, Duration maxBackOff) {}
