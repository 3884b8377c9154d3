package io.mita.budget.analytics;

/** Everything spent in one currency within a bucket. */
record CurrencyTotal(String currency, String spent, long expenses) {}
