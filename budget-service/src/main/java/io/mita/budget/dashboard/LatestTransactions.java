package io.mita.budget.dashboard;

import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The dashboard's view of the transaction feature (implemented there, so the transaction types stay
 * package-private): the user's latest live transactions, newest first, in one query.
 */
@FunctionalInterface
public interface LatestTransactions {

    Flux<DashboardTransaction> latest(UUID userId, int limit);
}
