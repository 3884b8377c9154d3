package io.mita.budget.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * One redistribution run as the API shows it, to explain a change: the moves (decimal strings in
 * {@code currency}) with their reasons. {@code recorded} is false for an on-demand run that moved nothing and
 * found no shortfall (such runs are not stored).
 */
record RedistributionResponse(
        UUID runId,
        String month,
        String trigger,
        LocalDate ranOn,
        Instant createdAt,
        boolean recorded,
        boolean balanced,
        String shortfall,
        String currency,
        List<PlanRedistributed.MoveMade> moves) {

    static RedistributionResponse of(RedistributionRun run, Currency currency) {
        PlanRedistributed event = PlanRedistributed.of(run, currency);
        return new RedistributionResponse(
                run.id(),
                event.month(),
                event.trigger(),
                run.ranOn(),
                run.createdAt(),
                Rebalancing.worthRecording(run),
                run.balanced(),
                event.shortfall(),
                event.currency(),
                event.moves());
    }
}
