package io.mita.budget.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A day marked kept; {@code first} is false when it had been marked before (the mark is idempotent). */
record HabitCompletion(UUID habitId, LocalDate day, Instant completedAt, boolean first) {}
