package io.mita.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a service under test at a fresh database, the shared test Kafka broker and the test JWKS. */
public class MitaTestInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String service =
                environment.getProperty("spring.application.name", "service").replace("-service", "");
        Map<String, Object> properties = Map.of(
                "mita.service.database",
                PostgresTestDatabase.create(service),
                "spring.kafka.bootstrap-servers",
                KafkaTestBroker.bootstrapServers(),
                "mita.security.jwks-uri",
                TestTokens.jwksUri(),
                "mita.security.issuer",
                TestTokens.ISSUER,
                "mita.security.audience",
                TestTokens.AUDIENCE,
                "mita.events.poll-interval",
                "50ms");
        environment.getPropertySources().addFirst(new MapPropertySource("mita-test-infrastructure", properties));
    }
}
