package io.mita.budget.goal;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key of a contribution was already used for a different request (same code as for transactions). */
class GoalIdempotencyKeyReusedException extends ProblemException {

    GoalIdempotencyKeyReusedException() {
        super(
                HttpStatus.CONFLICT,
                "BUDGET_IDEMPOTENCY_KEY_REUSED",
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new contribution.");
    }
}
