package io.mita.audit.integrity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.audit.integrity.*} (defaults in application.yml only). {@code digestInterval}: how often a signed
 * digest of the chain head is stored ({@code AUDIT_DIGEST_INTERVAL}, 1h); {@code signingPrivateKey} and {@code
 * signingPublicKey}: the Ed25519 key pair, base64 PKCS#8 and X.509 DER ({@code AUDIT_DIGEST_SIGNING_PRIVATE_KEY},
 * {@code AUDIT_DIGEST_SIGNING_PUBLIC_KEY}; a development pair by default, never for production); {@code walkChunkLinks}:
 * how many chain links one chunk of the integrity walk holds (5,000); {@code walkParallelChunks}: how many chunks are
 * fetched and hashed at once (3; docs/audit.md, "Checking integrity").
 */
@ConfigurationProperties("mita.audit.integrity")
record IntegrityProperties(
        Duration digestInterval,
        String signingPrivateKey,
        String signingPublicKey,
        int walkChunkLinks,
        int walkParallelChunks) {}
