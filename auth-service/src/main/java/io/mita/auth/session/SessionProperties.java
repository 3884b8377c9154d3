package io.mita.auth.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.sessions.*} (defaults: {@code application.yml}).
 *
 * @param reuseGrace       how long after a refresh token was spent presenting it again answers the same
 *                         successor (a lost response retried) instead of revoking the session (RFC 9700 §4.14.2)
 * @param absoluteLifetime how long a login session lasts at most, however often it is refreshed (the sliding
 *                         lifetime is {@code mita.auth.refresh-token-ttl})
 * @param trustedProxies   CIDR blocks whose {@code X-Forwarded-For} is believed when they are the TCP peer (the
 *                         gateway); the client's network is shown on its sessions
 */
@Validated
@ConfigurationProperties("mita.auth.sessions")
public record SessionProperties(
        @NotNull Duration reuseGrace,
        @NotNull Duration absoluteLifetime,
        @NotNull List<String> trustedProxies) {}
