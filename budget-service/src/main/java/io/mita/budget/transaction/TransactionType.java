package io.mita.budget.transaction;

/** Money going out (EXPENSE) or coming in (INCOME). */
enum TransactionType {
    EXPENSE,
    INCOME
}
