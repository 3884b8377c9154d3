package io.mita.audit.export;

/**
 * One CSV cell as RFC 4180 wants it, made safe to open in a spreadsheet. A cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '} so that no spreadsheet runs
 * it as a formula (CSV injection, OWASP); then a cell holding a comma, a double quote, a carriage return or a line
 * feed is enclosed in double quotes, each double quote in it doubled. {@code null} is the empty cell.
 */
final class CsvCells {

    private CsvCells() {}

    static void append(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean formula = startsLikeAFormula(value.charAt(0));
        if (!needsQuotes(value)) {
            line.append(formula ? "'" : "").append(value);
            return;
        }
        line.append('"');
        if (formula) {
            line.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    static String cell(String value) {
        StringBuilder cell = new StringBuilder();
        append(cell, value);
        return cell.toString();
    }

    private static boolean startsLikeAFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
