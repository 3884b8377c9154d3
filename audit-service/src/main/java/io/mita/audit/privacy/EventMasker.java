package io.mita.audit.privacy;

import io.mita.common.pii.PiiMasker;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks an event's data before it is stored (issue 13, docs/audit.md "Privacy"). At any depth, in objects and
 * arrays: the value under a sensitive key (compared case-insensitively without {@code _} and {@code -}; see
 * {@link #isSensitiveKey}) becomes {@code "[REDACTED]"}, whatever it was; in every other string, e-mail addresses
 * become {@code j***@example.com} and their keyed hashes are collected, and card-like digit runs that pass the
 * Luhn check keep only their last four digits (bearer tokens and JWTs are redacted too); an integral number of 13
 * to 19 digits starting with 2 to 6 that passes the Luhn check becomes such a masked string.
 */
@Component
public class EventMasker {

    /** The sensitive keys of the issue, normalised (lower case, no {@code _} or {@code -}). */
    static final Set<String> SENSITIVE_KEYS = Set.of(
            "password",
            "token",
            "secret",
            "key",
            "authorization",
            "cardnumber",
            "cvv",
            "pin",
            "ssn",
            "taxid",
            "accountnumber",
            "routingnumber",
            "iban",
            "swift",
            "bankaccount",
            "sortcode");

    /** Compound names ending in these are sensitive too: newPassword, accessToken, clientSecret, apiKey. */
    static final List<String> SENSITIVE_SUFFIXES = List.of("password", "token", "secret", "key");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private final EmailHasher hasher;
    private final PiiMasker piiMasker = new PiiMasker();

    public EventMasker(EmailHasher hasher) {
        this.hasher = hasher;
    }

    /** The masked data and the sorted keyed hashes of the e-mail addresses it held. */
    public record Masked(JsonNode data, List<String> emailHashes) {}

    /** Masks {@code data} in place and returns it with the e-mail hashes. */
    public Masked mask(JsonNode data) {
        TreeSet<String> hashes = new TreeSet<>();
        JsonNode masked = visit(data, hashes);
        return new Masked(masked, List.copyOf(hashes));
    }

    private JsonNode visit(JsonNode node, Set<String> hashes) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                if (isSensitiveKey(name)) {
                    object.put(name, PiiMasker.REDACTED);
                } else {
                    object.set(name, visit(object.get(name), hashes));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, visit(array.get(i), hashes));
            }
            return array;
        }
        if (node != null && node.isString()) {
            String text = node.stringValue();
            String masked = maskText(text, hashes);
            return masked.equals(text) ? node : JsonNodeFactory.instance.stringNode(masked);
        }
        if (node != null && node.isIntegralNumber()) {
            String digits = node.bigIntegerValue().toString();
            if (!looksLikeACardNumber(digits)) {
                return node;
            }
            String masked = piiMasker.mask(digits);
            return masked.equals(digits) ? node : JsonNodeFactory.instance.stringNode(masked);
        }
        return node;
    }

    /** E-mail addresses first (hashed, then masked), then cards, bearer tokens and JWTs. */
    String maskText(String text, Set<String> hashes) {
        String withoutEmails = text;
        if (text.indexOf('@') >= 0) {
            Matcher matcher = EMAIL.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                hashes.add(hasher.hash(matcher.group()));
                matcher.appendReplacement(out, Matcher.quoteReplacement(PiiMasker.maskEmail(matcher.group())));
            }
            matcher.appendTail(out);
            withoutEmails = out.toString();
        }
        return piiMasker.mask(withoutEmails);
    }

    /**
     * A JSON number is masked only when it could be a card: 13 to 19 digits starting with a card network's first
     * digit (2 to 6), so that epoch milliseconds (starting with 1) are never taken for one.
     */
    private static boolean looksLikeACardNumber(String digits) {
        return digits.length() >= 13 && digits.length() <= 19 && digits.charAt(0) >= '2' && digits.charAt(0) <= '6';
    }

    static boolean isSensitiveKey(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (SENSITIVE_KEYS.contains(normalised)) {
            return true;
        }
        for (String suffix : SENSITIVE_SUFFIXES) {
            if (normalised.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
