package io.mita.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against real infrastructure: a fresh database on the local
 * PostgreSQL, the shared test Kafka broker, and the test JWKS. A {@code WebTestClient} is injectable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the first request of a context (JWKS fetch, JIT warm-up) can take more than the default 5 s on a loaded 2-core
// machine
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = MitaTestInfrastructureInitializer.class)
public @interface MitaIntegrationTest {}
