package io.mita.budget.goal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link MonthlyGoalTransfers} every {@code mita.goals.transfer-interval} (first run one interval after
 * start), for the current UTC month; a run never overlaps the previous one. Decision: a schedule rather than
 * "on the first request of the month", so a user who does not open the app still gets the transfer, and a
 * read never writes; no lease table, because the per-goal row lock and the unique index on (goal, month)
 * already make a transfer happen once whatever number of instances run it.
 */
@Component
class GoalTransferSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GoalTransferSchedule.class);

    private final MonthlyGoalTransfers transfers;
    private final GoalProperties properties;
    private final Clock clock;
    private volatile Disposable loop;

    GoalTransferSchedule(MonthlyGoalTransfers transfers, GoalProperties properties, Clock clock) {
        this.transfers = transfers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.transferEnabled()) {
            return;
        }
        loop = Flux.interval(properties.transferInterval(), properties.transferInterval(), Schedulers.single())
                .onBackpressureDrop()
                .concatMap(
                        tick -> transfers
                                .transferDue(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                                .doOnNext(made -> {
                                    if (made > 0) {
                                        log.info("made {} automatic goal transfers", made);
                                    }
                                })
                                .onErrorResume(e -> {
                                    log.warn("automatic goal transfers failed, retried on the next run", e);
                                    return Mono.empty();
                                }),
                        1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
