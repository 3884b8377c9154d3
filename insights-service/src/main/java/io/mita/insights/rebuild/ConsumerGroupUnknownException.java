package io.mita.insights.rebuild;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * Kafka did not describe the live consumer group (broker down, timeout): the rebuild cannot know whether another
 * instance consumes, so it does not start (or, right before the swap, does not swap). 503
 * {@code INSIGHTS_REBUILD_CONSUMERS_UNKNOWN}.
 */
class ConsumerGroupUnknownException extends ProblemException {

    static final String CODE = "INSIGHTS_REBUILD_CONSUMERS_UNKNOWN";

    ConsumerGroupUnknownException(String group, Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                CODE,
                "Consumer group unknown",
                "Kafka did not describe consumer group " + group + " ("
                        + cause.getClass().getSimpleName()
                        + "), so the rebuild cannot know whether another instance consumes; nothing was swapped."
                        + " Try again when Kafka answers.");
        initCause(cause);
    }
}
