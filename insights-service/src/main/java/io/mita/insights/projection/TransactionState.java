package io.mita.insights.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;

/**
 * A transaction as an event describes it after the change ({@code deleted} for a deletion). A state replaces
 * the stored one only when its {@code version} is greater (a stale or repeated event changes nothing).
 */
public record TransactionState(
        UUID transactionId,
        UUID userId,
        long version,
        boolean deleted,
        String type,
        BigDecimal amount,
        String currency,
        String category,
        LocalDate occurredOn,
        String merchant)
        implements ProjectionChange {

    public YearMonth month() {
        return YearMonth.from(occurredOn);
    }

    /** The merchant as the statistics group it: trimmed and lower-cased; null without one. */
    public String merchantKey() {
        return merchantKey(merchant);
    }

    public static String merchantKey(String merchant) {
        if (merchant == null || merchant.isBlank()) {
            return null;
        }
        return merchant.strip().toLowerCase(Locale.ROOT);
    }
}
