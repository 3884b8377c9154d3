package io.mita.budget.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.redistribution.Move;
import io.mita.budget.redistribution.MoveReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A run's moves stay within its month: the store keeps their days as days of the run's month. */
class RedistributionRunTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void aRunKeepsItsMovesBetweenDaysOfItsMonth() {
        RedistributionRun run = run(move(MARCH.atDay(31), MARCH.atDay(1)));

        assertThat(run.moves()).hasSize(1);
    }

    @Test
    void aMoveFromOrToADayOfAnotherMonthIsRefused() {
        assertThatThrownBy(() -> run(move(LocalDate.of(2026, 4, 1), MARCH.atDay(10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the run's month 2026-03");
        assertThatThrownBy(() -> run(move(MARCH.atDay(10), LocalDate.of(2026, 2, 28))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RedistributionRun run(Move move) {
        return new RedistributionRun(
                UUID.randomUUID(),
                UUID.randomUUID(),
                MARCH,
                RedistributionRun.Trigger.SPENDING_CHANGED,
                MARCH.atDay(10),
                true,
                0,
                Instant.parse("2026-03-10T08:00:00Z"),
                List.of(move));
    }

    private static Move move(LocalDate from, LocalDate to) {
        return new Move("groceries", from, "groceries", to, 100, MoveReason.OVERSPENDING_COVERED_FROM_SAME_CATEGORY);
    }
}
