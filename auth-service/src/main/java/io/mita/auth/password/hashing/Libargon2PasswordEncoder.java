package io.mita.auth.password.hashing;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id by the reference C implementation (libargon2, bundled for linux-x86-64 in {@code de.mkammerer:argon2-jvm}
 * and called through JNA). Its working memory is allocated natively for each hash and freed after it, so the Java
 * heap sees no garbage. Writes and reads PHC strings {@code $argon2id$v=19$m=…,t=…,p=…$<salt>$<tag>} (unpadded
 * Base64), the format of every stored hash: hashes made before keep verifying, with their own parameters.
 */
public class Libargon2PasswordEncoder implements PasswordEncoder {

    private static final Pattern PARAMETERS = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,8})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final Argon2 argon2;
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final int saltLength;
    private final int hashLength;

    public Libargon2PasswordEncoder(int memoryKib, int iterations, int parallelism, int saltLength, int hashLength) {
        this.argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, saltLength, hashLength);
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.saltLength = saltLength;
        this.hashLength = hashLength;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        char[] password = rawPassword.toString().toCharArray();
        try {
            return argon2.hash(iterations, memoryKib, parallelism, password, java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            argon2.wipeArray(password);
        }
    }

    /** False for a wrong password and for anything that is not an Argon2id v1.3 PHC string. */
    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (encodedPassword == null || !PARAMETERS.matcher(encodedPassword).matches()) {
            return false;
        }
        char[] password = rawPassword.toString().toCharArray();
        try {
            return argon2.verify(encodedPassword, password, java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            argon2.wipeArray(password);
        }
    }

    /** True when the stored hash was made with other parameters (or is no Argon2id hash at all). */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        Matcher matcher = encodedPassword == null ? null : PARAMETERS.matcher(encodedPassword);
        if (matcher == null || !matcher.matches()) {
            return true;
        }
        int saltBytes = java.util.Base64.getDecoder().decode(matcher.group(4)).length;
        int tagBytes = java.util.Base64.getDecoder().decode(matcher.group(5)).length;
        return Integer.parseInt(matcher.group(1)) != memoryKib
                || Integer.parseInt(matcher.group(2)) != iterations
                || Integer.parseInt(matcher.group(3)) != parallelism
                || saltBytes < saltLength
                || tagBytes != hashLength;
    }
}
