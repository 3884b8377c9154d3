package io.mita.auth.mfa.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes for a lost authenticator: {@value #COUNT} codes of {@value #LENGTH} base32 characters
 * (50 bits each) shown once as {@code xxxxx-xxxxx}; stored only as keyed hashes. Case, blanks and the dash are
 * ignored when a code is typed back.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final int LENGTH = 10;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as hashed: lower case without blanks and dashes; null when it cannot be a recovery code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String value = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return value.matches("[a-z2-7]{" + LENGTH + "}") ? value : null;
    }
}
