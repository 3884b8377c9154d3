package io.mita.auth.password.hashing.argon2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashing with {@link Argon2id} over pooled working memory: at most
 * {@code pooledWorkspaces} workspaces of the configured cost stay allocated between hashes (one per
 * concurrent hash), each wiped after every use. A stored hash of another cost (made before the
 * parameters changed) verifies in a workspace of its own size, which is not kept.
 * Writes and reads PHC strings ({@link PhcArgon2idString}), compatible with Spring Security's
 * {@code Argon2PasswordEncoder}.
 */
public class Argon2idPasswordEncoder implements PasswordEncoder {

    private final Argon2Cost cost;
    private final int saltLength;
    private final BlockingQueue<Argon2id.Workspace> idle;
    private final SecureRandom random = new SecureRandom();

    public Argon2idPasswordEncoder(Argon2Cost cost, int saltLength, int pooledWorkspaces) {
        if (saltLength < 8) {
            throw new IllegalArgumentException("Argon2 salts are at least 8 bytes, not " + saltLength);
        }
        this.cost = cost;
        this.saltLength = saltLength;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, pooledWorkspaces));
    }

    public Argon2Cost cost() {
        return cost;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[saltLength];
        random.nextBytes(salt);
        return new PhcArgon2idString(cost, salt, compute(rawPassword, salt, cost)).format();
    }

    /** False for a wrong password and for anything that is not an Argon2id PHC string. */
    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return PhcArgon2idString.parse(encodedPassword)
                .map(stored -> MessageDigest.isEqual(stored.tag(), compute(rawPassword, stored.salt(), stored.cost())))
                .orElse(false);
    }

    /** True when the stored hash was made with other parameters (or is no Argon2id hash at all). */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return PhcArgon2idString.parse(encodedPassword)
                .map(stored -> !stored.cost().equals(cost) || stored.salt().length < saltLength)
                .orElse(true);
    }

    private byte[] compute(CharSequence rawPassword, byte[] salt, Argon2Cost of) {
        byte[] password = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
        Argon2id.Workspace workspace = acquire(of);
        try {
            return Argon2id.hash(password, salt, of, workspace);
        } finally {
            workspace.wipe();
            Arrays.fill(password, (byte) 0);
            if (of.memoryWords() == cost.memoryWords()) {
                idle.offer(workspace);
            }
        }
    }

    private Argon2id.Workspace acquire(Argon2Cost of) {
        if (of.memoryWords() == cost.memoryWords()) {
            Argon2id.Workspace pooled = idle.poll();
            if (pooled != null) {
                return pooled;
            }
        }
        return new Argon2id.Workspace(of);
    }
}
