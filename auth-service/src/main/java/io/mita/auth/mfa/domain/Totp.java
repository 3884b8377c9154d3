package io.mita.auth.mfa.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, {@value #DIGITS} digits, a
 * {@value #PERIOD_SECONDS}-second time step counted from the Unix epoch — what every authenticator app
 * computes from an {@code otpauth://totp/} URI without further parameters.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    /** Codes of the step before and after the current one are accepted too (clock drift, typing time). */
    public static final int WINDOW = 1;

    private Totp() {}

    /** The time step an instant falls into. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The {@value #DIGITS}-digit code of a step. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /** RFC 4226 §5.3: HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
    public static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash =
                    mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            long modulus = (long) Math.pow(10, digits);
            String value = Long.toString(binary % modulus);
            return "0".repeat(digits - value.length()) + value;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }

    /**
     * The step whose code {@code presented} is, within {@link #WINDOW} steps of {@code now} and later than
     * {@code lastUsedStep} (a code is accepted once: replays are refused); empty when none matches. Every
     * candidate is compared in constant time.
     */
    public static OptionalLong matchingStep(byte[] secret, String presented, Instant now, long lastUsedStep) {
        if (presented == null || !presented.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(), presented.getBytes());
            if (equal && step > lastUsedStep && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }
}
