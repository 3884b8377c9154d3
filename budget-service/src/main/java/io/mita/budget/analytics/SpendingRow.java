package io.mita.budget.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One group of the aggregate: the live expenses of one category in one currency on one day or in one month. */
record SpendingRow(LocalDate bucket, String category, String currency, BigDecimal spent, long expenses) {}
