package io.mita.insights.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An expense as the analysis sees it (in the month's currency). */
public record Expense(UUID transactionId, String category, String merchant, LocalDate on, BigDecimal amount) {}
