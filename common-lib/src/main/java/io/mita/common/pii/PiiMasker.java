package io.mita.common.pii;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks personal data and secrets before text reaches logs or events: e-mail addresses keep their
 * first letter and domain suffix, card numbers (13–19 digits passing Luhn) keep their last four,
 * bearer tokens and JWTs are replaced. In JSON, values under secret-looking keys are redacted whole.
 */
public class PiiMasker {

    public static final String REDACTED = "[REDACTED]";

    // the local part is bounded by its longest legal length (64, RFC 5321): unbounded, every position of a long run
    // of address characters without an @ after it rescanned the rest of the run (quadratic in the run's length)
    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{0,63}@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final int NONE = 0;
    private static final int MAYBE_EMAIL = 1;
    private static final int MAYBE_CARD = 2;
    private static final int MAYBE_BEARER = 4;
    private static final int MAYBE_JWT = 8;
    private static final int MIN_CARD_DIGITS = 13;
    private static final Set<String> SECRET_KEYS = Set.of(
            "password",
            "newpassword",
            "oldpassword",
            "passwordhash",
            "token",
            "accesstoken",
            "refreshtoken",
            "resettoken",
            "secret",
            "clientsecret",
            "apikey",
            "authorization",
            "cardnumber",
            "pan",
            "cvv",
            "cvc");

    /**
     * The text with its e-mail addresses, card numbers, bearer tokens and JWTs masked. One pass over the
     * characters first tells which of these the text could hold; only those patterns then run, and text
     * that can hold none (most log lines) is returned as it is without any regular expression.
     */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int candidates = candidates(text);
        if (candidates == NONE) {
            return text;
        }
        String masked = text;
        if ((candidates & MAYBE_BEARER) != 0) {
            masked = BEARER.matcher(masked).replaceAll("$1" + REDACTED);
        }
        if ((candidates & MAYBE_JWT) != 0) {
            masked = JWT.matcher(masked).replaceAll(REDACTED);
        }
        if ((candidates & MAYBE_CARD) != 0) {
            masked = maskCards(masked);
        }
        if ((candidates & MAYBE_EMAIL) != 0) {
            masked = EMAIL.matcher(masked)
                    .replaceAll(match -> match.group(1) + "***@" + Matcher.quoteReplacement(match.group(2)));
        }
        return masked;
    }

    /**
     * Which patterns could match: an e-mail needs an {@code @}, a JWT starts with {@code eyJ}, a bearer
     * token follows the word {@code bearer}, a card number is at least 13 digits with at most one space or
     * dash between two of them. A superset of what the patterns find, never a subset.
     */
    static int candidates(String text) {
        int found = NONE;
        int digitsInRun = 0;
        boolean separatorAfterDigit = false;
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digitsInRun++;
                separatorAfterDigit = false;
                if (digitsInRun >= MIN_CARD_DIGITS) {
                    found |= MAYBE_CARD;
                }
            } else if ((c == ' ' || c == '-') && digitsInRun > 0 && !separatorAfterDigit) {
                separatorAfterDigit = true;
            } else {
                digitsInRun = 0;
                separatorAfterDigit = false;
                if (c == '@') {
                    found |= MAYBE_EMAIL;
                } else if (c == 'e' && text.startsWith("eyJ", i)) {
                    found |= MAYBE_JWT;
                } else if ((c == 'b' || c == 'B') && text.regionMatches(true, i, "bearer", 0, 6)) {
                    found |= MAYBE_BEARER;
                }
            }
        }
        return found;
    }

    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        Matcher matcher = EMAIL.matcher(email);
        return matcher.matches() ? matcher.group(1) + "***@" + matcher.group(2) : REDACTED;
    }

    /** Redacts, in place, every value under a secret-looking key, at any depth. */
    public JsonNode redactSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                if (isSecretKey(name)) {
                    object.put(name, REDACTED);
                } else {
                    redactSecrets(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::redactSecrets);
        }
        return node;
    }

    static boolean isSecretKey(String name) {
        return SECRET_KEYS.contains(
                name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
    }

    private static String maskCards(String text) {
        Matcher matcher = CARD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            String replacement =
                    luhnValid(digits) ? "**** **** **** " + digits.substring(digits.length() - 4) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
