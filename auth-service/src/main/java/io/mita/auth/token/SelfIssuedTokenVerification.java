package io.mita.auth.token;

import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.security.CachingJwtDecoder;
import io.mita.common.security.MitaJwtValidators;
import io.mita.common.security.MitaSecurityProperties;
import io.mita.common.security.TokenCacheProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * else is as in every service: the same issuer, audience and expiry checks, and the same cache of verified
 * tokens ({@link CachingJwtDecoder}).
 *
 * <p>Algorithms: RS256 and ES256 ({@link SigningKeyCodec.SUPPORTED_ALGORITHMS}), because a retired ES256 key made
 * before the switch to RS256 still verifies the tokens it signed until they expire. The header's {@code alg}
 * must match the key its {@code kid} names (type and the JWK's {@code alg}): an RS256 header never selects an
 * EC key nor the other way round, and {@code none}/HMAC never select anything.
 */
@Configuration(proxyBeanMethods = false)
class SelfIssuedTokenVerification {

    @Bean
    ReactiveJwtDecoder selfIssuedJwtDecoder(
            SigningKeys signingKeys,
            MitaSecurityProperties security,
            TokenCacheProperties tokenCache,
            ObjectProvider<MeterRegistry> meterRegistry) {
        return selfIssuedJwtDecoder(
                signingKeys, security, tokenCache, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    static ReactiveJwtDecoder selfIssuedJwtDecoder(
            SigningKeys signingKeys,
            MitaSecurityProperties security,
            TokenCacheProperties tokenCache,
            MeterRegistry meterRegistry) {
        OAuth2TokenValidator<Jwt> validator =
                MitaJwtValidators.issuerAudienceAndLifetime(security.issuer(), security.audience());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt ->
                        signingKeys.verificationKey(jwt.getHeader().getKeyID()).flux())
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<
                        JWKSecurityContext>(SigningKeyCodec.SUPPORTED_ALGORITHMS, new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(validator);
        return CachingJwtDecoder.over(decoder, validator, tokenCache, meterRegistry);
    }
}
