package io.mita.budget.goal;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the goal events into the outbox. Must run inside the database transaction of the change it
 * announces, so the row and its event commit (or vanish) together; the outbox relay publishes them to
 * {@code mita.events.topic} with the user id as subject and Kafka key (one user's events stay in order).
 */
@Component
class GoalPublisher {

    static final String CREATED = "mita.budget.goal.created.v1";
    static final String CONTRIBUTION_ADDED = "mita.budget.goal.contribution-added.v1";
    static final String COMPLETED = "mita.budget.goal.completed.v1";

    private final OutboxWriter outbox;

    GoalPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> created(Goal goal) {
        return append(CREATED, goal, GoalCreated.of(goal));
    }

    Mono<Void> contributionAdded(Goal goal, GoalContribution contribution) {
        return append(CONTRIBUTION_ADDED, goal, GoalContributionAdded.of(goal, contribution));
    }

    /** Announces a completion, when {@code before} was not completed and {@code after} is. */
    Mono<Void> completedIfNewly(Goal before, Goal after, String reason) {
        if (before.completed() || !after.completed()) {
            return Mono.empty();
        }
        return append(COMPLETED, after, GoalCompleted.of(after, reason));
    }

    private Mono<Void> append(String type, Goal goal, Object payload) {
        return outbox.append(new OutgoingEvent(type, goal.userId().toString(), payload))
                .then();
    }
}
