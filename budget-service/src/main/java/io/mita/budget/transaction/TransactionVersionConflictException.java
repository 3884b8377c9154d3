package io.mita.budget.transaction;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The transaction changed since the version the client stated (If-Match) or read. */
class TransactionVersionConflictException extends ProblemException {

    TransactionVersionConflictException(UUID id) {
        super(
                HttpStatus.CONFLICT,
                "BUDGET_TRANSACTION_VERSION_CONFLICT",
                "Transaction version conflict",
                "Transaction " + id + " was changed by another request; read it again and retry.");
    }
}
