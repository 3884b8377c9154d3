package io.mita.budget.habit;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface HabitRepository extends ReactiveCrudRepository<Habit, UUID> {

    /** The caller's habit: the only way a single habit is read. */
    Mono<Habit> findByIdAndUserId(UUID id, UUID userId);

    Flux<Habit> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);
}
