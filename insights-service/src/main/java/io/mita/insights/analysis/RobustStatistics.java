package io.mita.insights.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Median and median absolute deviation, exact in decimals. */
final class RobustStatistics {

    private RobustStatistics() {}

    /** The middle value, or the mean of the two middle values of an even count; the list must not be empty. */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        BigDecimal sum = sorted.get(n / 2 - 1).add(sorted.get(n / 2));
        return sum.divide(BigDecimal.valueOf(2), sum.scale() + 1, RoundingMode.UNNECESSARY)
                .stripTrailingZeros();
    }

    /** median(|x − median(x)|). */
    static BigDecimal medianAbsoluteDeviation(List<BigDecimal> values) {
        BigDecimal median = median(values);
        return median(values.stream().map(x -> x.subtract(median).abs()).toList());
    }

    /** 0.6745 × (x − median) / MAD: about a standard score for normal data, robust to the outliers it looks for. */
    static double robustZ(BigDecimal x, BigDecimal median, BigDecimal mad) {
        return 0.6745 * x.subtract(median).doubleValue() / mad.doubleValue();
    }
}
