package io.mita.gateway.caller;

import java.net.InetAddress;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a single address is its own /32 or /128. */
record IpRange(byte[] network, int prefixLength) {

    static IpRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress parsed = IpAddresses.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: '" + cidr + "'"));
        byte[] bytes = parsed.getAddress();
        int maxPrefix = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? maxPrefix : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR prefix length: '" + cidr + "'");
        }
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("CIDR prefix length out of range: '" + cidr + "'");
        }
        return new IpRange(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
