package io.mita.auth;

import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A transactional operator for unit tests with in-memory fakes: there is nothing to commit, so it runs the
 * work as it is and counts how many units of work were wrapped.
 */
public final class InlineTransactions implements TransactionalOperator {

    private int started;

    @Override
    public <T> Mono<T> transactional(Mono<T> mono) {
        return Mono.defer(() -> {
            synchronized (this) {
                started++;
            }
            return mono;
        });
    }

    @Override
    public <T> Flux<T> execute(TransactionCallback<T> action) {
        throw new UnsupportedOperationException("the use cases under test wrap Monos only");
    }

    public synchronized int started() {
        return started;
    }
}
