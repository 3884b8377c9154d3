package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The savings target of a user's monthly plan, as goals need it. A seam so the allocation rules can be tested
 * with an in-memory store; the real one is {@link PlanSavingsTargetRepository}.
 */
interface PlanSavingsTargets {

    /** A month's savings target in the plan's currency, with that currency's fraction digits. */
    record SavingsTarget(YearMonth month, Currency currency, BigDecimal amount) {}

    /**
     * The month's savings target with the plan's row locked until the database transaction ends, so
     * allocation changes of one user (and plan edits) run one after the other; empty without a plan.
     */
    Mono<SavingsTarget> lock(UUID userId, YearMonth month);
}
