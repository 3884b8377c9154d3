package io.mita.budget.goal;

/** Who put the money in: the user (MANUAL) or the monthly transfer from the plan's savings (AUTO_TRANSFER). */
enum ContributionSource {
    MANUAL,
    AUTO_TRANSFER
}
