package io.mita.common.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a MITA process checks access tokens.
 *
 * @param jwksUri     where auth-service publishes its public keys
 * @param issuer      the required {@code iss}
 * @param audience    the required {@code aud}
 * @param publicPaths path patterns reachable without a token (actuator and API docs always are); none by
 *                    default ({@code mita-defaults.yml})
 */
@ConfigurationProperties("mita.security")
public record MitaSecurityProperties(String jwksUri, String issuer, String audience, List<String> publicPaths) {

    public MitaSecurityProperties {
        publicPaths = List.copyOf(publicPaths);
    }
}
