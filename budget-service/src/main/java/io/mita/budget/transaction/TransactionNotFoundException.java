package io.mita.budget.transaction;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No live transaction with this id belongs to the caller (it may not exist, be deleted, or be someone else's). */
class TransactionNotFoundException extends ProblemException {

    TransactionNotFoundException(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                "BUDGET_TRANSACTION_NOT_FOUND",
                "Transaction not found",
                "No transaction " + id + " exists.");
    }
}
