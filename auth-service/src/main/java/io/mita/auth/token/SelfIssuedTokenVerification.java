package io.mita.auth.token;

import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import io.mita.common.security.MitaSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * auth-service verifies access tokens against its own key store instead of fetching its own
 * {@code /.well-known/jwks.json} over HTTP (common-lib's decoder backs off when this bean exists).
 *
 * <p>Why this is the cleanest choice: the JWKS endpoint serves exactly {@link SigningKeys#publishedKeys()},
 * so the local lookup sees the same keys without a network hop to itself, without a startup race (the
 * HTTP decoder would call a server that is not listening yet), without depending on {@code MITA_JWKS_URI}
 * pointing back at this very instance, and with a key rotated by another instance found on the next
 * unknown {@code kid} (from the shared database). Integration tests then verify the real tokens that
 * login issues through the production path, rather than swapping in a test-only decoder. Everything
 * else is as in every service: the same issuer, audience and expiry checks.
 *
 * <p>Algorithms: RS256 and ES256 ({@link SigningKeyCodec.SUPPORTED_ALGORITHMS}), because a retired ES256 key made
 * before the switch to RS256 still verifies the tokens it signed until they expire. The header's {@code alg}
 * must match the key its {@code kid} names (type and the JWK's {@code alg}): an RS256 header never selects an
 * EC key nor the other way round, and {@code none}/HMAC never select anything.
 */
@Configuration(proxyBeanMethods = false)
class SelfIssuedTokenVerification {

    @Bean
    ReactiveJwtDecoder selfIssuedJwtDecoder(SigningKeys signingKeys, MitaSecurityProperties security) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt ->
                        signingKeys.verificationKey(jwt.getHeader().getKeyID()).flux())
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<
                        JWKSecurityContext>(SigningKeyCodec.SUPPORTED_ALGORITHMS, new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(security.issuer()), audience(security.audience())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return token -> token.getAudience() != null && token.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_TOKEN, "The token is not for audience " + audience, null));
    }
}
