package io.mita.ocr.receipt;

import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/** Runs the work as it is: in-memory fakes have no transaction to begin or roll back. */
final class InlineTransactions implements TransactionalOperator {

    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) {
        return Flux.from(action.doInTransaction(new ReactiveTransaction() {}));
    }
}
