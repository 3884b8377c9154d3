package io.mita.budget.transaction;

import io.mita.budget.dashboard.DashboardTransaction;
import io.mita.budget.dashboard.LatestTransactions;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The dashboard's latest transactions: the first page of the listing (newest {@code occurred_on} first, then id),
 * one range scan of index {@code transaction_user_listing} that stops after {@code limit} rows.
 */
@Component
class LatestTransactionReader implements LatestTransactions {

    static final String LATEST = """
            SELECT * FROM transaction WHERE user_id = :userId AND deleted_at IS NULL
            ORDER BY occurred_on DESC, id DESC LIMIT :limit""";

    private final TransactionRepository transactions;

    LatestTransactionReader(TransactionRepository transactions) {
        this.transactions = transactions;
    }

    @Override
    public Flux<DashboardTransaction> latest(UUID userId, int limit) {
        return transactions.findLatest(userId, limit).map(LatestTransactionReader::line);
    }

    static DashboardTransaction line(Transaction transaction) {
        return new DashboardTransaction(
                transaction.id(),
                transaction.type().name(),
                transaction.money().amountText(),
                transaction.currency(),
                transaction.category(),
                transaction.occurredOn(),
                transaction.merchant());
    }
}
