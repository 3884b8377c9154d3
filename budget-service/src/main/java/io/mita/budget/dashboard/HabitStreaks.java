package io.mita.budget.dashboard;

import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The dashboard's view of the habit feature (implemented there): every habit of the user with its streaks as of
 * {@code today}, from a fixed number of queries whatever the number of habits.
 */
@FunctionalInterface
public interface HabitStreaks {

    Flux<DashboardHabit> of(UUID userId, LocalDate today);
}
