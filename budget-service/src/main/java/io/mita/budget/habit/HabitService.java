package io.mita.budget.habit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The habit use cases, each scoped to the caller's user id: someone else's habit is indistinguishable from a
 * missing one. Dates are UTC dates, as for transactions: "today" is today's UTC date, and a day may be marked
 * up to tomorrow (UTC), which is already today for users east of UTC.
 */
@Service
class HabitService {

    private final HabitRepository habits;
    private final HabitCompletions completions;
    private final HabitSpending spending;
    private final HabitPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    HabitService(
            HabitRepository habits,
            HabitCompletions completions,
            HabitSpending spending,
            HabitPublisher publisher,
            TransactionalOperator inTransaction,
            Clock clock) {
        this.habits = habits;
        this.completions = completions;
        this.spending = spending;
        this.publisher = publisher;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    Mono<Habit> create(UUID userId, CreateHabitRequest request) {
        return Mono.fromCallable(() -> request.toDraft(today()))
                .flatMap(draft -> habits.save(Habit.create(UUID.randomUUID(), userId, draft, now())));
    }

    Flux<Habit> list(UUID userId) {
        return habits.findByUserIdOrderByCreatedAtAscIdAsc(userId);
    }

    Mono<Habit> get(UUID userId, UUID id) {
        return owned(userId, id);
    }

    /** Applies a merge patch; a patch that changes nothing writes nothing. A concurrent change answers 409. */
    Mono<Habit> update(UUID userId, UUID id, ObjectNode patch) {
        return owned(userId, id).flatMap(current -> {
            HabitDraft changed = HabitPatch.apply(current, patch).toDraft(today());
            if (changed.equals(current.content())) {
                return Mono.just(current);
            }
            return habits.save(current.withContent(changed, now()));
        });
    }

    /** Deletes the habit and its marked days (habits are no financial record: nothing to keep). */
    Mono<Void> delete(UUID userId, UUID id) {
        return owned(userId, id).flatMap(habits::delete);
    }

    /**
     * Marks a day kept, once: a repeated mark answers the first one and publishes nothing more. Only habits
     * kept by hand take marks, and only for tracked days up to tomorrow (UTC).
     */
    Mono<HabitCompletion> complete(UUID userId, UUID id, LocalDate day) {
        Mono<HabitCompletion> work = owned(userId, id).flatMap(habit -> {
            HabitRule rule = habit.rule();
            if (rule.automatic()) {
                return Mono.error(new HabitCheckedAutomaticallyException(id));
            }
            LocalDate today = today();
            if (day.isAfter(today.plusDays(1))) {
                return Mono.error(new HabitDayNotTrackedException(day, "it is in the future"));
            }
            if (day.isBefore(rule.startsOn())) {
                return Mono.error(new HabitDayNotTrackedException(day, "the habit starts on " + rule.startsOn()));
            }
            if (!rule.tracks(day)) {
                return Mono.error(new HabitDayNotTrackedException(day, "the habit is kept on weekdays only"));
            }
            Instant now = now();
            return completions
                    .mark(id, day, now)
                    .flatMap(first -> first
                            ? publisher.completed(habit, day, now).thenReturn(new HabitCompletion(id, day, now, true))
                            : completions.completedAt(id, day).map(at -> new HabitCompletion(id, day, at, false)));
        });
        return inTransaction.transactional(work);
    }

    /**
     * The habit's progress, evaluated now from its marked days or, for a checked habit, from one aggregate
     * query over the transactions since its start.
     */
    Mono<Progress> progress(UUID userId, UUID id) {
        LocalDate today = today();
        return owned(userId, id).flatMap(habit -> {
            HabitRule rule = habit.rule();
            Mono<List<DailySpending>> expenses = rule.automatic()
                            && !rule.startsOn().isAfter(today)
                    ? spending.daily(userId, rule.category(), rule.limit().currencyCode(), rule.startsOn(), today)
                            .collectList()
                    : Mono.just(List.of());
            Mono<Set<LocalDate>> marked = rule.automatic()
                    ? Mono.just(Set.of())
                    : completions.days(id).collect(Collectors.toSet());
            return Mono.zip(expenses, marked)
                    .map(inputs ->
                            new Progress(habit, HabitEvaluation.evaluate(rule, inputs.getT1(), inputs.getT2(), today)));
        });
    }

    record Progress(Habit habit, HabitProgress progress) {}

    private Mono<Habit> owned(UUID userId, UUID id) {
        return habits.findByIdAndUserId(id, userId).switchIfEmpty(Mono.error(() -> new HabitNotFoundException(id)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** PostgreSQL keeps microseconds: truncating here makes what is answered equal what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
