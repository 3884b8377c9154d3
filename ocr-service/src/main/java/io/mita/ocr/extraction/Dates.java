package io.mita.ocr.extraction;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as receipts print them: {@code 2018-12-25}, {@code 25/12/2018}, {@code 25.12.18}, {@code 12-25-18},
 * {@code 25 Dec 2018}, {@code 25-DEC-18}, {@code Dec 25, 2018}, {@code December 25th 2018}, month names in
 * English, German, French, Spanish, Italian, Dutch and Portuguese. A numeric date whose first two parts
 * could both be day or month is read day-first unless the receipt looks American ({@code monthFirst}),
 * and reported as less certain. Only plausible dates count (from 2000 up to tomorrow).
 */
final class Dates {

    /** A date candidate: the date, how unambiguous its format is (0 to 1), where it was in the line. */
    record Found(LocalDate date, double certainty) {}

    private static final Pattern ISO =
            Pattern.compile("(?<!\\d)(20\\d{2}|19\\d{2})\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?![\\d]|[.,]\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.)?[\\s\\-/.]{0,3}([A-Za-z\\u00C0-\\u017F]{3,10})\\.?[\\s\\-/.,']{0,3}(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![A-Za-z])([A-Za-z\\u00C0-\\u017F]{3,10})\\.?\\s{0,2}(\\d{1,2})(?:st|nd|rd|th)?,?[\\s\\-/.,']{0,3}(\\d{4}|\\d{2})(?!\\d)");

    private static final Map<String, Integer> MONTHS = months();

    private Dates() {}

    static List<Found> in(String line, LocalDate today, boolean monthFirst) {
        List<Found> found = new ArrayList<>();
        Matcher m = ISO.matcher(line);
        while (m.find()) {
            add(found, today, num(m.group(1)), num(m.group(3)), num(m.group(4)), 1.0);
        }
        m = NUMERIC.matcher(line);
        while (m.find()) {
            int a = num(m.group(1));
            int b = num(m.group(3));
            int year = year(m.group(4));
            double certainty = m.group(4).length() == 4 ? 0.95 : 0.85;
            if (a > 12 && b <= 12) {
                add(found, today, year, b, a, certainty);
            } else if (b > 12 && a <= 12) {
                add(found, today, year, a, b, certainty);
            } else if (monthFirst) {
                add(found, today, year, a, b, certainty * 0.75);
            } else {
                add(found, today, year, b, a, certainty * 0.75);
            }
        }
        m = DAY_MONTH_YEAR.matcher(line);
        while (m.find()) {
            Integer month = month(m.group(2));
            if (month != null) {
                add(found, today, year(m.group(3)), month, num(m.group(1)), 1.0);
            }
        }
        m = MONTH_DAY_YEAR.matcher(line);
        while (m.find()) {
            Integer month = month(m.group(1));
            if (month != null) {
                add(found, today, year(m.group(3)), month, num(m.group(2)), 1.0);
            }
        }
        return found;
    }

    private static void add(List<Found> found, LocalDate today, int year, int month, int day, double certainty) {
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (date.getYear() >= 2000 && !date.isAfter(today.plusDays(1))) {
                found.add(new Found(date, certainty));
            }
        } catch (DateTimeException impossible) {
            // not a date (31 February, month 13): not a candidate
        }
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    static Integer month(String word) {
        String key = Normalizer.normalize(word, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace('0', 'o');
        Integer month = MONTHS.get(key);
        if (month == null && key.length() > 3) {
            month = MONTHS.get(key.substring(0, 3));
            // a 3-letter prefix only for words that really are that month's name (december, dezember, ...)
            if (month != null && !fullNameStartsWith(key)) {
                month = null;
            }
        }
        return month;
    }

    private static boolean fullNameStartsWith(String key) {
        for (String name : MONTHS.keySet()) {
            if (name.length() > 3 && (name.startsWith(key) || key.startsWith(name))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"jan", "january", "januar", "janv", "janvier", "ene", "enero", "gen", "gennaio", "januari", "janeiro"},
            {"feb", "february", "februar", "fev", "fevr", "fevrier", "febrero", "febbraio", "februari", "fevereiro"},
            {"mar", "march", "marz", "maerz", "mrz", "mars", "marzo", "maart", "marco"},
            {"apr", "april", "avr", "avril", "abr", "abril", "aprile"},
            {"may", "mai", "mayo", "mag", "maggio", "mei", "maio"},
            {"jun", "june", "juni", "juin", "junio", "giu", "giugno", "junho"},
            {"jul", "july", "juli", "juil", "juillet", "julio", "lug", "luglio", "julho"},
            {"aug", "august", "aou", "aout", "ago", "agosto", "augustus"},
            {"sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro"},
            {"oct", "october", "okt", "oktober", "octobre", "octubre", "ott", "ottobre", "outubro", "out"},
            {"nov", "november", "novembre", "noviembre", "novembro"},
            {"dec", "december", "dez", "dezember", "decembre", "dic", "diciembre", "dicembre", "dezembro"}
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
