package io.mita.common.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Ready only while the Kafka cluster answers a metadata request within the timeout. */
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private final AdminClient admin;
    private final Duration timeout;

    KafkaHealthIndicator(AdminClient admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(
                        () -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                                .nodes()
                                .get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.boundedElastic())
                .map(nodes -> builder.up().withDetail("brokers", nodes.size()).build());
    }
}
