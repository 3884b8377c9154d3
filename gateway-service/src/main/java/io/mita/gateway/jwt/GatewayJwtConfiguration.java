package io.mita.gateway.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import io.mita.common.security.MitaSecurityProperties;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's token decoder: common-lib's checks exactly (ES256/RS256 signatures against
 * {@code mita.security.jwks-uri}, issuer, audience, expiry), with a key cache whose refresh on an
 * unknown {@code kid} is throttled ({@link CachingJwkSource}). The gateway is the one process that
 * sees every token from the internet; common-lib's decoder stands back ({@code @ConditionalOnMissingBean})
 * and its security chain uses this one.
 */
@Configuration(proxyBeanMethods = false)
class GatewayJwtConfiguration {

    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(MitaSecurityProperties security, JwksProperties jwks) {
        return decoder(
                CachingJwkSource.over(WebClient.create(), security.jwksUri(), jwks),
                security.issuer(),
                security.audience());
    }

    static NimbusReactiveJwtDecoder decoder(CachingJwkSource keys, String issuer, String audience) {
        // the builder keeps one algorithm only; the processor is told both (keys come from the JWK source)
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                        Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, granted -> granted != null && granted.contains(audience))));
        return decoder;
    }
}
