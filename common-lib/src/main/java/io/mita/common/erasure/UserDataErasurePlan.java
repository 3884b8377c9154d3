package io.mita.common.erasure;

import java.util.List;
import java.util.Objects;

/**
 * What one service deletes when a person's account is erased: declare it as a bean and common-lib's
 * {@link UserErasedListener} erases on the event, in one transaction with the processed-event inbox, the per-user
 * lock and the tombstone ({@link ErasedUsers}).
 *
 * @param consumer the processed-event inbox's consumer name (and the log's); keep it stable, a redelivery is
 *     recognised by it
 * @param eventType the CloudEvents type that asks for the erasure (the service's copy of auth-service's
 *     {@code UserErased.TYPE}); every other type on the topic is passed over
 * @param statements the service's deletes, each binding {@code :userId}, in an order its foreign keys accept; the
 *     tombstone is not one of them (the mechanism writes it)
 */
public record UserDataErasurePlan(String consumer, String eventType, List<String> statements) {

    public UserDataErasurePlan {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventType, "eventType");
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("an erasure plan deletes something");
        }
    }
}
