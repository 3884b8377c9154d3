package io.mita.gateway.jwt;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway caches auth-service's public keys (defaults in the gateway's {@code application.yml}).
 *
 * @param maxAge             a key set older than this is fetched again on the next token (removed keys go away)
 * @param minRefreshInterval a token whose {@code kid} the cached set lacks triggers one refresh, but not
 *                           more often than this: tokens with made-up key ids cannot make the gateway
 *                           hammer auth-service (one fetch a second at most), yet a freshly rotated key
 *                           is learnt within a second even while such tokens keep arriving
 * @param fetchTimeout       the longest a fetch of the key set may take
 */
@Validated
@ConfigurationProperties("mita.gateway.jwks")
record JwksProperties(
        @NotNull Duration maxAge,
        @NotNull Duration minRefreshInterval,
        @NotNull Duration fetchTimeout) {}
