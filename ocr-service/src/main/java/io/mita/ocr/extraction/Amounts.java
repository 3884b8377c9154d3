package io.mita.ocr.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money amounts in a line of receipt text: two decimals after a point or a comma ({@code 12.50},
 * {@code 12,50}), thousands separated by the other one ({@code 1,234.56}, {@code 1.234,56}), a minus
 * before or after; percentages, dates ({@code 12.05.2018}) and times are not amounts. Call on text that
 * went through {@link OcrNoise#numbers}.
 */
final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,])(-\\s?)?(\\d{1,3}(?:[.,']\\d{3})+|\\d{1,7})\\s?[.,]\\s?(\\d{2})(?![\\d%]|[.,]\\d|\\s%)(-)?");

    private Amounts() {}

    static List<BigDecimal> in(String line) {
        List<BigDecimal> amounts = new ArrayList<>();
        Matcher m = AMOUNT.matcher(line);
        while (m.find()) {
            String whole = m.group(2).replaceAll("[.,']", "");
            BigDecimal amount = new BigDecimal(whole + "." + m.group(3));
            if (m.group(1) != null || m.group(4) != null) {
                amount = amount.negate();
            }
            amounts.add(amount);
        }
        return amounts;
    }

    /** The last amount of the line (where receipts print the price), or null. */
    static BigDecimal last(String line) {
        List<BigDecimal> all = in(line);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Where the first amount of the line starts, or -1. */
    static int start(String line) {
        Matcher m = AMOUNT.matcher(line);
        return m.find() ? m.start() : -1;
    }
}
