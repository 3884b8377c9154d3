package io.mita.ocr.extraction;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Undoes the usual OCR confusions, in each direction only where it is safe: letters that look like digits
 * inside number-like tokens ({@code 1O.5O} → {@code 10.50}, {@code 2O18} → {@code 2018}), digits that look
 * like letters inside words ({@code T0TAL} → {@code TOTAL}, {@code SUBT0TA1} → {@code SUBTOTAI}).
 */
final class OcrNoise {

    private OcrNoise() {}

    /** The line with number-like tokens repaired; words are left alone. */
    static String numbers(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            int end = i;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            out.append(numberToken(line.substring(i, end)));
            while (end < line.length() && Character.isWhitespace(line.charAt(end))) {
                out.append(line.charAt(end));
                end++;
            }
            i = end;
        }
        return out.toString();
    }

    private static String numberToken(String token) {
        if (token.isEmpty()) {
            return token;
        }
        // keep currency signs and a trailing minus/percent around the number part
        int start = 0;
        int end = token.length();
        while (start < end && "€$£¥₹(".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "€$£¥₹)%-*".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        String core = token.substring(start, end);
        int digits = 0;
        int lookalikes = 0;
        for (char c : core.toCharArray()) {
            if (Character.isDigit(c)) {
                digits++;
            } else if ("OoQDIl|!SsB".indexOf(c) >= 0) {
                lookalikes++;
            } else if (".,:/-'".indexOf(c) < 0) {
                return token;
            }
        }
        if (digits == 0 || lookalikes == 0 || lookalikes > digits) {
            return token;
        }
        StringBuilder fixed = new StringBuilder(core.length());
        for (char c : core.toCharArray()) {
            fixed.append(
                    switch (c) {
                        case 'O', 'o', 'Q', 'D' -> '0';
                        case 'I', 'l', '|', '!' -> '1';
                        case 'S', 's' -> '5';
                        case 'B' -> '8';
                        default -> c;
                    });
        }
        return token.substring(0, start) + fixed + token.substring(end);
    }

    /**
     * The line as upper-case words of letters only, digits that look like letters turned into them and
     * accents removed: what keyword rules compare against.
     */
    static String words(String line) {
        String plain = Normalizer.normalize(line, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replace('ß', 'S');
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean letterNeighbour = (i > 0 && Character.isLetter(plain.charAt(i - 1)))
                    || (i + 1 < plain.length() && Character.isLetter(plain.charAt(i + 1)));
            char mapped = switch (c) {
                case '0' -> letterNeighbour ? 'O' : ' ';
                case '1', '|' -> letterNeighbour ? 'L' : ' ';
                case '5' -> letterNeighbour ? 'S' : ' ';
                case '8' -> letterNeighbour ? 'B' : ' ';
                default -> Character.isLetter(c) ? c : ' ';
            };
            out.append(mapped);
        }
        return out.toString().trim().replaceAll("\\s+", " ");
    }
}
