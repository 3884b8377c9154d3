package io.mita.budget.plan;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.util.Currency;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the plan events into the outbox, inside the database transaction of the change they announce. */
@Component
class PlanPublisher {

    static final String UPDATED = "mita.budget.plan.updated.v1";
    static final String REDISTRIBUTED = "mita.budget.plan.redistributed.v1";
    static final String THRESHOLD_REACHED = "mita.budget.threshold.reached.v1";

    private final OutboxWriter outbox;

    PlanPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> updated(Plan plan) {
        return append(UPDATED, plan.userId().toString(), PlanUpdated.of(plan));
    }

    Mono<Void> redistributed(RedistributionRun run, Currency currency) {
        return append(REDISTRIBUTED, run.userId().toString(), PlanRedistributed.of(run, currency));
    }

    Mono<Void> thresholdReached(ThresholdReached reached) {
        return append(THRESHOLD_REACHED, reached.userId().toString(), reached);
    }

    /**
     * Runs a change of a plan and writes the events its steps append (the plan's, the redistribution's and the
     * thresholds') in one statement at its end.
     */
    <T> Mono<T> together(Mono<T> change) {
        return outbox.together(change);
    }

    private Mono<Void> append(String type, String subject, Object payload) {
        return outbox.append(new OutgoingEvent(type, subject, payload)).then();
    }
}
