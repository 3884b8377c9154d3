package io.mita.common.outbox;

import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a send Kafka will never accept (the record is too large, it cannot be serialised, no envelope can be
 * built from the row) from one that may succeed later (broker down, timeouts, leader moving). Only the former
 * count towards parking an event; everything unknown is treated as transient and retried.
 */
final class PublishRefusals {

    private static final Set<String> PERMANENT = Set.of(
            EnvelopeNotBuiltException.class.getName(),
            "org.apache.kafka.common.errors.RecordTooLargeException",
            "org.apache.kafka.common.errors.RecordBatchTooLargeException",
            "org.apache.kafka.common.errors.SerializationException",
            "org.apache.kafka.common.errors.InvalidTopicException",
            "org.apache.kafka.common.InvalidRecordException");

    private PublishRefusals() {}

    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (PERMANENT.contains(type.getName())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The reason stored with the event: the innermost message, at most 500 characters. */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String reason = innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** A row from which no CloudEvent or Kafka record can be built. */
    static final class EnvelopeNotBuiltException extends RuntimeException {

        EnvelopeNotBuiltException(Throwable cause) {
            super("no event can be built from the outbox row: " + cause.getMessage(), cause);
        }
    }
}
