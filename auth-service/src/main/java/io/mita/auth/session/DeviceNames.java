package io.mita.auth.session;

import java.util.Locale;

/**
 * The name a session is listed under: what the app sends in {@code X-Device-Name} (e.g. "Anna's iPhone"), else a
 * summary of the User-Agent ("Firefox on Android", or the first product token such as "MITA/2.3"), else
 * {@value #UNKNOWN}. Control characters are dropped and the name is cut to {@value #MAX_LENGTH} characters.
 */
final class DeviceNames {

    static final String UNKNOWN = "Unknown device";
    static final int MAX_LENGTH = 100;

    private DeviceNames() {}

    static String of(String deviceHeader, String userAgent) {
        String named = clean(deviceHeader);
        if (!named.isEmpty()) {
            return named;
        }
        // recognised on the whole header; only the name is cut
        String agent = userAgent == null ? "" : userAgent.strip();
        if (agent.isEmpty()) {
            return UNKNOWN;
        }
        String browser = browser(agent);
        String system = system(agent);
        if (browser != null && system != null) {
            return browser + " on " + system;
        }
        if (system != null) {
            return system;
        }
        String product = clean(agent.split("[\\s(]", 2)[0]);
        return product.isEmpty() ? UNKNOWN : product;
    }

    private static String browser(String agent) {
        if (agent.contains("Edg/")) {
            return "Edge";
        }
        if (agent.contains("Firefox/")) {
            return "Firefox";
        }
        if (agent.contains("Chrome/") || agent.contains("CriOS/")) {
            return "Chrome";
        }
        if (agent.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String system(String agent) {
        String lower = agent.toLowerCase(Locale.ROOT);
        if (lower.contains("iphone")) {
            return "iPhone";
        }
        if (lower.contains("ipad")) {
            return "iPad";
        }
        if (lower.contains("android")) {
            return "Android";
        }
        if (lower.contains("windows")) {
            return "Windows";
        }
        if (lower.contains("mac os x") || lower.contains("macintosh")) {
            return "macOS";
        }
        if (lower.contains("linux")) {
            return "Linux";
        }
        return null;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        value.codePoints().filter(c -> !Character.isISOControl(c)).forEach(kept::appendCodePoint);
        return cut(kept.toString().strip());
    }

    private static String cut(String value) {
        return value.codePointCount(0, value.length()) <= MAX_LENGTH
                ? value
                : value.substring(0, value.offsetByCodePoints(0, MAX_LENGTH));
    }
}
