package io.mita.budget.redistribution;

import java.util.List;
import java.util.Objects;

/**
 * The result of one run.
 *
 * @param after the month with its new planned amounts (spending unchanged); its planned total equals the input's
 * @param moves every transfer, in the order the algorithm made them (deterministic for a given input and day)
 * @param shortfall overspending that could not be covered, in minor units; 0 when the month balances. Nothing is
 *     ever invented to hide it: the overspent days it belongs to keep a plan below their spending.
 */
public record RedistributionOutcome(MonthLedger after, List<Move> moves, long shortfall) {

    public RedistributionOutcome {
        Objects.requireNonNull(after, "after");
        moves = List.copyOf(moves);
        if (shortfall < 0) {
            throw new IllegalArgumentException("shortfall cannot be negative: " + shortfall);
        }
    }

    /** Whether every overspent day could be covered. */
    public boolean balanced() {
        return shortfall == 0;
    }
}
