package io.mita.insights.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the analysis rounds and writes amounts and percentages (half up; amounts with 2 fraction digits). */
final class Amounts {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {}

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code part} as a percentage of {@code whole}, one fraction digit. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
