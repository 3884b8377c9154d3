package io.mita.budget.dashboard;

import java.util.List;

/**
 * The dashboard's view of the transaction feature (implemented there, so the transaction types stay
 * package-private): the user's latest live transactions, newest first, at most {@code :transactionLimit}.
 */
public interface LatestTransactions extends DashboardPart<List<DashboardTransaction>> {}
