package io.mita.budget.transaction;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key was already used for a different request body. */
class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException() {
        super(
                HttpStatus.CONFLICT,
                "BUDGET_IDEMPOTENCY_KEY_REUSED",
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new transaction.");
    }
}
