package io.mita.budget.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The marked days in a map: the first mark of a habit's day wins. */
final class InMemoryHabitCompletions extends HabitCompletions {

    private final Map<String, Instant> marks = new ConcurrentHashMap<>();

    InMemoryHabitCompletions() {
        super(null);
    }

    @Override
    Mono<Boolean> mark(UUID habitId, LocalDate day, Instant now) {
        return Mono.fromSupplier(() -> marks.putIfAbsent(habitId + "/" + day, now) == null);
    }

    @Override
    Mono<Instant> completedAt(UUID habitId, LocalDate day) {
        return Mono.justOrEmpty(marks.get(habitId + "/" + day));
    }

    @Override
    Flux<LocalDate> days(UUID habitId) {
        return Flux.fromStream(marks.keySet().stream()
                .filter(key -> key.startsWith(habitId + "/"))
                .map(key -> LocalDate.parse(key.substring(key.indexOf('/') + 1))));
    }
}
