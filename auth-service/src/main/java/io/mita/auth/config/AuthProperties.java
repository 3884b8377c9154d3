package io.mita.auth.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.mita.auth.password.hashing.HashingCapacity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This service's own settings ({@code mita.auth.*}); every default lives once, in the placeholders of
 * {@code application.yml}, none here. Issuer and audience of the tokens are the shared
 * {@code mita.security.issuer}/{@code mita.security.audience} every service checks.
 *
 * @param accessTokenTtl   lifetime of an access token
 * @param refreshTokenTtl  lifetime of a refresh token; every rotation starts it again
 * @param masterKey        base64 of the 32-byte AES key that encrypts signing keys at rest
 * @param signingAlgorithm the algorithm of new signing keys (RS256, the default, or ES256); an active key
 *                         of the other one is rotated out at startup
 * @param passwordHashing  how much Argon2 work may run at once
 * @param bootstrapAdmin   the account made ADMIN at startup
 */
@Validated
@ConfigurationProperties("mita.auth")
public record AuthProperties(
        @NotNull Duration accessTokenTtl,
        @NotNull Duration refreshTokenTtl,
        @NotBlank String masterKey,
        @NotNull SigningAlgorithm signingAlgorithm,
        @NotNull @Valid PasswordHashing passwordHashing,
        @NotNull @Valid BootstrapAdmin bootstrapAdmin) {

    /**
     * The JWS algorithms access tokens may be signed with: RS256 (RSA-3072, the default: its signatures verify
     * ~10x faster than ES256's in JDK 17, see docs/auth.md) or ES256 (P-256). No other value binds.
     */
    public enum SigningAlgorithm {
        RS256,
        ES256
    }

    /**
     * @param maxConcurrency hashes computed at once (each needs 19 MiB of native memory); 0 means one per CPU;
     *                       either way never more than the memory beside the heap holds ({@link HashingCapacity})
     */
    public record PasswordHashing(@Min(0) int maxConcurrency) {

        /** The working memory of one hash at the stored cost: 19,456 KiB. */
        public static final long BYTES_PER_HASH = 19_456L * 1024;

        public int effectiveConcurrency() {
            return HashingCapacity.concurrentHashes(
                    maxConcurrency,
                    memoryLimit(),
                    maxHeap(),
                    Runtime.getRuntime().availableProcessors(),
                    BYTES_PER_HASH);
        }

        /** The container's (else the machine's) memory, lowered by an explicit {@code -XX:MaxRAM}. */
        public static long memoryLimit() {
            long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            return HashingCapacity.memoryLimit(total, Long.parseLong(vmOption("MaxRAM")));
        }

        /**
         * The heap the JVM may grow to ({@code -Xmx}, {@code MaxHeapSize}). Not {@link Runtime#maxMemory()}: that
         * leaves out a survivor space (371 of 384 MiB with the serial collector), memory the heap does take.
         */
        public static long maxHeap() {
            return Long.parseLong(vmOption("MaxHeapSize"));
        }

        private static String vmOption(String name) {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name)
                    .getValue();
        }
    }

    public record BootstrapAdmin(
            @NotBlank @Email String email, @NotBlank String password) {

        @Override
        public String toString() {
            return "BootstrapAdmin[email=" + email + ", password=<redacted>]";
        }
    }

    @Override
    public String toString() {
        return "AuthProperties[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", masterKey=<redacted>, signingAlgorithm=" + signingAlgorithm + ", passwordHashing="
                + passwordHashing + ", bootstrapAdmin=" + bootstrapAdmin + "]";
    }
}
