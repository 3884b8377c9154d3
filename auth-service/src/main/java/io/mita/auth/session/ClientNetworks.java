package io.mita.auth.session;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The approximate location a session shows: the client's address masked to its network, {@code 203.0.113.0/24}
 * for IPv4 and {@code 2001:db8:1234::/48} for IPv6. No GeoIP database is available (nor shipped), and a network
 * is what a user recognises ("my home network", "the office") without the service keeping their exact address.
 */
final class ClientNetworks {

    static final int IPV4_PREFIX = 24;
    static final int IPV6_PREFIX = 48;

    private ClientNetworks() {}

    /** The masked network of an address literal; null when it is not an IP address literal. */
    static String mask(String address) {
        InetAddress parsed = parse(address);
        if (parsed == null) {
            return null;
        }
        byte[] bytes = parsed.getAddress();
        int prefix = parsed instanceof Inet4Address ? IPV4_PREFIX : IPV6_PREFIX;
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            InetAddress network = InetAddress.getByAddress(bytes);
            return (network instanceof Inet6Address ? compress(network.getHostAddress()) : network.getHostAddress())
                    + "/" + prefix;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address literal (IPv4 dotted, IPv6 with or without brackets) without any name lookup; else null. */
    static InetAddress parse(String literal) {
        if (literal == null) {
            return null;
        }
        String value = literal.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code 2001:db8:1234:0:0:0:0:0} → {@code 2001:db8:1234::} (the longest run of zero groups). */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLength < 2) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
