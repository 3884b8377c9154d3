package io.mita.auth.password.hashing.argon2;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>} (salt
 * and tag in unpadded standard Base64) — the format Spring Security's {@code Argon2PasswordEncoder} writes,
 * so hashes made by either verify with the other.
 */
public record PhcArgon2idString(Argon2Cost cost, byte[] salt, byte[] tag) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    /** The stored form, or empty for anything that is not a well-formed Argon2id v1.3 string. */
    public static Optional<PhcArgon2idString> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(matcher.group(4));
            byte[] tag = Base64.getDecoder().decode(matcher.group(5));
            Argon2Cost cost = new Argon2Cost(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)),
                    tag.length);
            return salt.length < 8 ? Optional.empty() : Optional.of(new PhcArgon2idString(cost, salt, tag));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public String format() {
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(tag);
    }

    @Override
    public String toString() {
        return "PhcArgon2idString[cost=" + cost + ", salt and tag redacted]";
    }
}
