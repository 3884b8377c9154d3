package io.mita.common.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.problem.Problem;
import io.mita.common.problem.ProblemResponseWriter;
import io.mita.common.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every MITA process is a stateless JWT resource server: tokens are verified against auth-service's
 * JWKS with issuer and audience checks, {@code roles} become authorities, 401/403 answer problem+json,
 * and only actuator, API docs and the configured public paths are open. The token is read from the
 * {@code Authorization} header only ({@link AuthorizationHeaderBearerTokenConverter}), never from the query or a
 * form body.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
        },
        afterName = "io.mita.common.config.MitaWebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({MitaSecurityProperties.class, TokenCacheProperties.class})
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class MitaSecurityAutoConfiguration {

    // the probes on the service port, and the actuator paths (served on the management port only; on
    // the service port they answer 404 rather than 401)
    static final List<String> ALWAYS_PUBLIC = List.of(
            "/livez",
            "/readyz",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/actuator/openapi",
            "/v3/api-docs",
            "/v3/api-docs/**");

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder mitaJwtDecoder(
            MitaSecurityProperties properties,
            TokenCacheProperties tokenCache,
            ObjectProvider<MeterRegistry> meterRegistry) {
        OAuth2TokenValidator<Jwt> validator =
                MitaJwtValidators.issuerAudienceAndLifetime(properties.issuer(), properties.audience());
        NimbusReactiveJwtDecoder verifier = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.ES256);
                    algorithms.add(SignatureAlgorithm.RS256);
                })
                .build();
        verifier.setJwtValidator(validator);
        return CachingJwtDecoder.over(
                verifier, validator, tokenCache, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain mitaSecurityWebFilterChain(
            ServerHttpSecurity http,
            MitaSecurityProperties properties,
            ReactiveJwtDecoder jwtDecoder,
            ProblemResponseWriter writer) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS)
                        .permitAll()
                        // one matcher for all open paths, not one per path (AnyPathPatternMatcher)
                        .matchers(AnyPathPatternMatcher.of(open))
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenConverter(
                                new AuthorizationHeaderBearerTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new RolesClaimConverter()))
                        .authenticationEntryPoint((exchange, failure) ->
                                writer.write(exchange, Problems.unauthenticated(), Problem.newErrorId()))
                        .accessDeniedHandler((exchange, denied) ->
                                writer.write(exchange, Problems.forbidden(), Problem.newErrorId())))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, failure) ->
                                writer.write(exchange, Problems.unauthenticated(), Problem.newErrorId()))
                        .accessDeniedHandler((exchange, denied) ->
                                writer.write(exchange, Problems.forbidden(), Problem.newErrorId())))
                .build();
    }

    @Bean
    WebFluxConfigurer currentUserArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CurrentUserArgumentResolver());
            }
        };
    }
}
