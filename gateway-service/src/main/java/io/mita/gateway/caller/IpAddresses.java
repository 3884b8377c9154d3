package io.mita.gateway.caller;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals only: a host name is never looked up (no DNS on the request path). */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](:\\d{1,5})?");

    private IpAddresses() {}

    /**
     * An address from a literal as proxies write it into {@code X-Forwarded-For}: {@code 203.0.113.7},
     * {@code 203.0.113.7:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711}; empty for anything else.
     */
    static Optional<InetAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String candidate = literal.trim();
        var withPort = IPV4_WITH_PORT.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        }
        var bracketed = BRACKETED_IPV6.matcher(candidate);
        if (bracketed.matches()) {
            candidate = bracketed.group(1);
        }
        boolean v4 = IPV4.matcher(candidate).matches();
        boolean v6 = candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4 && !validOctets(candidate)) {
            return Optional.empty();
        }
        try {
            // a literal of these characters only is never resolved through DNS
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static boolean validOctets(String v4) {
        for (String octet : v4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
