package io.mita.insights.rebuild;

import io.mita.insights.inbound.LiveConsumerClientId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Asks Kafka about the live consumer group ({@code mita.insights.consumer-group}): who is in it besides this
 * instance's live consumer ({@link LiveConsumerClientId}), and its committed offsets. A short-lived admin client per
 * question (a rebuild asks a few times). Throws {@link ConsumerGroupUnknownException} when Kafka does not answer within
 * {@code mita.insights.rebuild.consumer-check-timeout}; a group Kafka does not know has no members.
 */
@Component
class LiveConsumerGroup {

    private final KafkaAdmin kafkaAdmin;
    private final LiveConsumerClientId own;
    private final String group;
    private final Duration timeout;

    LiveConsumerGroup(
            KafkaAdmin kafkaAdmin,
            LiveConsumerClientId own,
            @Value("${mita.insights.consumer-group}") String group,
            @Value("${mita.insights.rebuild.consumer-check-timeout}") Duration timeout) {
        this.kafkaAdmin = kafkaAdmin;
        this.own = own;
        this.group = group;
        this.timeout = timeout;
    }

    /** The members of the group that are not this instance's live consumer. */
    OtherConsumers others() {
        try {
            ConsumerGroupDescription description = ask(admin -> admin.describeConsumerGroups(
                            List.of(group), new DescribeConsumerGroupsOptions().timeoutMs((int) timeout.toMillis()))
                    .describedGroups()
                    .get(group));
            return OtherConsumers.of(
                    group,
                    description.members().stream()
                            .map(member -> new OtherConsumers.Member(
                                    String.valueOf(member.clientId()), member.host() == null ? "" : member.host()))
                            .toList(),
                    own::isOwn);
        } catch (GroupIdNotFoundException unknownToKafka) {
            return OtherConsumers.of(group, List.of(), own::isOwn);
        }
    }

    /** The group's committed offsets, as "topic-partition" → offset in a stable order. */
    Map<String, Long> committedOffsets() {
        try {
            Map<String, Long> offsets = new TreeMap<>();
            ask(admin -> admin.listConsumerGroupOffsets(
                                    group, new ListConsumerGroupOffsetsOptions().timeoutMs((int) timeout.toMillis()))
                            .partitionsToOffsetAndMetadata())
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            offsets.put(partition.toString(), offset.offset());
                        }
                    });
            return offsets;
        } catch (GroupIdNotFoundException unknownToKafka) {
            return Map.of();
        }
    }

    String group() {
        return group;
    }

    /** The answer of one admin request; {@link GroupIdNotFoundException} as such, every other failure as 503. */
    private <T> T ask(Function<Admin, KafkaFuture<T>> request) {
        Admin admin = null;
        try {
            admin = Admin.create(new HashMap<>(kafkaAdmin.getConfigurationProperties()));
            return request.apply(admin).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof GroupIdNotFoundException notFound) {
                throw notFound;
            }
            throw new ConsumerGroupUnknownException(group, failed.getCause());
        } catch (TimeoutException | RuntimeException failed) {
            throw new ConsumerGroupUnknownException(group, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConsumerGroupUnknownException(group, interrupted);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }
}
