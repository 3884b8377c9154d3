package io.mita.common.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The characters Spring Security's {@link StrictServerWebExchangeFirewall} allows in header names, header values
 * and parameter names — assigned Unicode characters that are not control characters (in header values a tab
 * too) — checked one character at a time instead of with its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}). The firewall checks every header a request handler reads
 * ({@code getFirst}, {@code get}), among them the ~800-character bearer token on every request, and the
 * regular expression's per-character class tests were a measurable share of the gateway's CPU (issue 14).
 * Printable ASCII, nearly every character of real headers, is decided by one range comparison.
 * {@code FirewallCharactersTest} proves the same answers as Spring's predicates for every code point.
 */
final class FirewallCharacters {

    private FirewallCharacters() {}

    /** A header or parameter name: Spring's {@code ALLOWED_HEADER_NAMES} ({@code null} passes, as there). */
    static boolean isAllowedName(String name) {
        return name == null || allAllowed(name, false);
    }

    /** A header value: Spring's {@code ALLOWED_HEADER_VALUES}, which allow a tab too ({@code null} passes). */
    static boolean isAllowedHeaderValue(String value) {
        return value == null || allAllowed(value, true);
    }

    private static boolean allAllowed(String text, boolean tabAllowed) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (!isAllowed(codePoint, tabAllowed)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    private static boolean isAllowed(int codePoint, boolean tabAllowed) {
        if (tabAllowed && codePoint == '\t') {
            return true;
        }
        int type = Character.getType(codePoint);
        return type != Character.UNASSIGNED && type != Character.CONTROL;
    }
}
