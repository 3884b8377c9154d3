package io.mita.budget.redistribution;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One transfer of planned money between two day cells of a month, with its reason: enough to tell the user
 * "12.40 moved from dining on 14 March to groceries on 9 March because groceries was overspent that day".
 *
 * <p>For the two overspending reasons the destination ({@code toCategory}, {@code toDay}) is the overspent day
 * cell and the source is an open day after it; for {@link MoveReason#UNDERSPENDING_ROLLED_FORWARD} the source is
 * the underspent closed day and the destination an open day of the same category. The source's planned amount
 * went down by {@code amount} and the destination's went up by it.
 *
 * @param amount always greater than zero, in minor units of the plan currency
 */
public record Move(
        String fromCategory, LocalDate fromDay, String toCategory, LocalDate toDay, long amount, MoveReason reason) {

    public Move {
        Objects.requireNonNull(fromCategory, "fromCategory");
        Objects.requireNonNull(fromDay, "fromDay");
        Objects.requireNonNull(toCategory, "toCategory");
        Objects.requireNonNull(toDay, "toDay");
        Objects.requireNonNull(reason, "reason");
        if (amount <= 0) {
            throw new IllegalArgumentException("a move carries a positive amount, got " + amount);
        }
    }
}
