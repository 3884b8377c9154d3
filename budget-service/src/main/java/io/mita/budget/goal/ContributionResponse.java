package io.mita.budget.goal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contribution as the API shows it; the amount is a decimal string with the currency's fraction digits. */
record ContributionResponse(
        UUID id, UUID goalId, String amount, String currency, String note, String source, Instant createdAt) {

    /** A goal's contributions, newest first. */
    record Listing(List<ContributionResponse> items) {}

    static ContributionResponse of(GoalContribution contribution) {
        return new ContributionResponse(
                contribution.id(),
                contribution.goalId(),
                contribution.money().amountText(),
                contribution.currency(),
                contribution.note(),
                contribution.source().name(),
                contribution.createdAt());
    }
}
