package io.mita.auth.token;

import java.time.Instant;

/**
 * A row of {@code signing_key}: public JWK in clear, private key sealed under the master key.
 *
 * @param createdUnderDevelopmentKey sealed under the public development master key (the prod profile
 *                                   refuses to sign with such a key)
 */
record StoredSigningKey(
        String kid,
        String algorithm,
        String publicJwk,
        byte[] privateKeyEncrypted,
        byte[] iv,
        Instant createdAt,
        boolean active,
        Instant retiredAt,
        boolean createdUnderDevelopmentKey) {}
