package io.mita.budget.transaction;

/**
 * The transaction feature's part of the dashboard's statement, for the dashboard's query-plan test in another
 * package.
 */
public final class TransactionStatements {

    public static final String LATEST = LatestTransactionReader.LATEST;

    private TransactionStatements() {}
}
