package io.mita.budget.transaction;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

interface TransactionRepository extends ReactiveCrudRepository<Transaction, UUID> {

    /** The caller's transaction if it exists and is not deleted: the only way a single transaction is read. */
    Mono<Transaction> findByIdAndUserIdAndDeletedAtIsNull(UUID id, UUID userId);
}
