package io.mita.budget.habit;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the habit events into the outbox, inside the database transaction of the change they announce;
 * the relay publishes them to {@code mita.budget.v1} with the user id as subject and Kafka key.
 */
@Component
class HabitPublisher {

    static final String COMPLETED = "mita.budget.habit.completed.v1";

    private final OutboxWriter outbox;

    HabitPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> completed(Habit habit, LocalDate day, Instant completedAt) {
        return outbox.append(new OutgoingEvent(
                        COMPLETED, habit.userId().toString(), HabitCompleted.of(habit, day, completedAt)))
                .then();
    }
}
