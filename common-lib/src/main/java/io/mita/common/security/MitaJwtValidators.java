package io.mita.common.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The claim checks every MITA process makes on an access token whose signature holds. */
public final class MitaJwtValidators {

    private MitaJwtValidators() {}

    /** Expiry and not-before (with Spring Security's default clock skew), issuer and audience. */
    public static OAuth2TokenValidator<Jwt> issuerAudienceAndLifetime(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new AudienceValidator(audience));
    }
}
