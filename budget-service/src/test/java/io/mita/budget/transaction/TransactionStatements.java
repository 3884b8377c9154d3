package io.mita.budget.transaction;

/** The transaction feature's hot statements, for the dashboard's query-plan test in another package. */
public final class TransactionStatements {

    public static final String LATEST = LatestTransactionReader.LATEST;

    private TransactionStatements() {}
}
