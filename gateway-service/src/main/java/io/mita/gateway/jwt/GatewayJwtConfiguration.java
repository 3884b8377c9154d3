package io.mita.gateway.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.security.CachingJwtDecoder;
import io.mita.common.security.MitaJwtValidators;
import io.mita.common.security.MitaSecurityProperties;
import io.mita.common.security.TokenCacheProperties;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's token decoder: common-lib's checks exactly (ES256/RS256 signatures against
 * {@code mita.security.jwks-uri}, {@link MitaJwtValidators issuer, audience, expiry}) and common-lib's
 * {@link CachingJwtDecoder verified-token cache}, with a key cache whose refresh on an unknown {@code kid}
 * is throttled ({@link CachingJwkSource}). The gateway is the one process that sees every token from the
 * internet; common-lib's decoder stands back ({@code @ConditionalOnMissingBean}) and its security chain
 * uses this one.
 */
@Configuration(proxyBeanMethods = false)
class GatewayJwtConfiguration {

    @Bean
    CachingJwkSource gatewayKeySet(MitaSecurityProperties security, JwksProperties jwks) {
        return CachingJwkSource.over(WebClient.create(), security.jwksUri(), jwks);
    }

    /** The gateway is ready once it can check tokens (application.yml puts {@code jwks} in readiness). */
    @Bean
    KeySetHealthIndicator jwksHealthIndicator(CachingJwkSource gatewayKeySet) {
        return new KeySetHealthIndicator(gatewayKeySet);
    }

    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(
            MitaSecurityProperties security,
            CachingJwkSource gatewayKeySet,
            TokenCacheProperties tokenCache,
            ObjectProvider<MeterRegistry> meterRegistry) {
        OAuth2TokenValidator<Jwt> validator = validator(security.issuer(), security.audience());
        return CachingJwtDecoder.over(
                decoder(gatewayKeySet, validator),
                validator,
                tokenCache,
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    static NimbusReactiveJwtDecoder decoder(CachingJwkSource keys, String issuer, String audience) {
        return decoder(keys, validator(issuer, audience));
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return MitaJwtValidators.issuerAudienceAndLifetime(issuer, audience);
    }

    private static NimbusReactiveJwtDecoder decoder(CachingJwkSource keys, OAuth2TokenValidator<Jwt> validator) {
        // the builder keeps one algorithm only; the processor is told both (keys come from the JWK source)
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                        Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
