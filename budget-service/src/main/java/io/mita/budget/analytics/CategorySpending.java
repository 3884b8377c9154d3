package io.mita.budget.analytics;

/** What was spent on one category in one currency within a bucket, and in how many expenses. */
record CategorySpending(String category, String currency, String spent, long expenses) {}
