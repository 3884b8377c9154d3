package io.mita.budget.plan;

import io.mita.budget.redistribution.Move;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * One recorded redistribution of a user's month: why it ran, as of which day, whether the month balanced (else
 * the shortfall in minor units) and the moves it made, in the algorithm's order, all between days of its month.
 */
record RedistributionRun(
        UUID id,
        UUID userId,
        YearMonth month,
        Trigger trigger,
        LocalDate ranOn,
        boolean balanced,
        long shortfall,
        Instant createdAt,
        List<Move> moves) {

    /** What started a run. */
    enum Trigger {
        /** An expense of the month was created, changed or deleted. */
        SPENDING_CHANGED,
        /** The plan was created, replaced or copied (its daily allocations start afresh). */
        PLAN_CHANGED,
        /** The user asked for it (POST .../redistribute). */
        ON_DEMAND
    }

    /** Money moves within its month only: a move to or from another month's day is refused. */
    RedistributionRun {
        moves = List.copyOf(moves);
        for (Move move : moves) {
            if (!YearMonth.from(move.fromDay()).equals(month)
                    || !YearMonth.from(move.toDay()).equals(month)) {
                throw new IllegalArgumentException("a move outside the run's month " + month + ": " + move);
            }
        }
    }
}
