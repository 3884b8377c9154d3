package io.mita.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A web slice of one controller with what every MITA service answers with: common-lib's problem+json
 * handler, correlation ids and the JWT resource server checking {@link TestTokens} against their real JWKS
 * (no database, no Kafka). The controller's collaborators come from the test, e.g. a use case built on
 * in-memory fakes in an {@code @Import}ed configuration. A {@code WebTestClient} is injectable. The
 * auto-configurations added to {@code @WebFluxTest}'s are listed in
 * {@code META-INF/spring/io.mita.testsupport.MitaWebFluxTest.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebFluxTest
@ImportAutoConfiguration
@ContextConfiguration(initializers = MitaWebFluxTest.TestTokensInitializer.class)
public @interface MitaWebFluxTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebFluxTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    /**
     * Points the resource server at the {@link TestTokens} JWKS, and lets a response take up to 30 s: on two
     * shared cores the first request of a slice (JWKS fetch, JIT) can take longer than the default 5 s.
     */
    class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "mita-web-slice",
                            Map.of(
                                    "mita.security.jwks-uri",
                                    TestTokens.jwksUri(),
                                    "mita.security.issuer",
                                    TestTokens.ISSUER,
                                    "mita.security.audience",
                                    TestTokens.AUDIENCE,
                                    "spring.test.webtestclient.timeout",
                                    "30s")));
        }
    }
}
