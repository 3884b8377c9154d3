package io.mita.budget.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payload of {@code mita.budget.plan.redistributed.v1}: one recorded redistribution run of a user's month
 * with its moves (amounts as decimal strings in {@code currency}). Golden file:
 * docs/events/mita.budget.plan.redistributed.v1.json.
 */
public record PlanRedistributed(
        UUID runId,
        UUID userId,
        String month,
        String trigger,
        LocalDate ranOn,
        String currency,
        boolean balanced,
        String shortfall,
        List<MoveMade> moves) {

    public record MoveMade(
            String fromCategory, LocalDate fromDay, String toCategory, LocalDate toDay, String amount, String reason) {}

    static PlanRedistributed of(RedistributionRun run, java.util.Currency currency) {
        return new PlanRedistributed(
                run.id(),
                run.userId(),
                run.month().toString(),
                run.trigger().name(),
                run.ranOn(),
                currency.getCurrencyCode(),
                run.balanced(),
                PlanAmounts.toText(run.shortfall(), currency),
                run.moves().stream()
                        .map(move -> new MoveMade(
                                move.fromCategory(),
                                move.fromDay(),
                                move.toCategory(),
                                move.toDay(),
                                PlanAmounts.toText(move.amount(), currency),
                                move.reason().name()))
                        .toList());
    }
}
