package io.mita.budget.goal;

import io.mita.common.lifecycle.PeriodicJob;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs {@link MonthlyGoalTransfers} every {@code mita.goals.transfer-interval} (first run one interval after
 * start), for the current UTC month; a run never overlaps the previous one. Decision: a schedule rather than
 * "on the first request of the month", so a user who does not open the app still gets the transfer, and a
 * read never writes; no lease table, because the per-goal row lock and the unique index on (goal, month)
 * already make a transfer happen once whatever number of instances run it.
 */
@Component
class GoalTransferSchedule extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(GoalTransferSchedule.class);

    private final MonthlyGoalTransfers transfers;
    private final GoalProperties properties;
    private final Clock clock;

    GoalTransferSchedule(MonthlyGoalTransfers transfers, GoalProperties properties, Clock clock) {
        super(properties.transferInterval());
        this.transfers = transfers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (properties.transferEnabled()) {
            super.start();
        }
    }

    @Override
    protected Mono<?> runOnce() {
        return transfers
                .transferDue(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .doOnNext(made -> {
                    if (made > 0) {
                        log.info("made {} automatic goal transfers", made);
                    }
                });
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("automatic goal transfers failed, retried on the next run", failure);
    }
}
