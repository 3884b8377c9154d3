package io.mita.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Adds the shared MITA defaults at the lowest precedence, so every service starts from the same
 * operational baseline (actuator, probes, logging, shutdown, pool, Kafka) and overrides only what is
 * its own. Data-service defaults apply only where R2DBC is on the classpath (not in the gateway); Kafka
 * client defaults wherever spring-kafka is (the data services and the gateway).
 */
public class MitaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "mita-defaults.yml";
    static final String DATA_SERVICE_DEFAULTS = "mita-data-service-defaults.yml";
    static final String KAFKA_DEFAULTS = "mita-kafka-defaults.yml";

    private final YamlPropertySourceLoader loader = new YamlPropertySourceLoader();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ClassUtils.isPresent("io.r2dbc.spi.ConnectionFactory", getClass().getClassLoader())) {
            addLast(environment, DATA_SERVICE_DEFAULTS);
        }
        if (ClassUtils.isPresent(
                "org.springframework.kafka.core.KafkaTemplate", getClass().getClassLoader())) {
            addLast(environment, KAFKA_DEFAULTS);
        }
        addLast(environment, DEFAULTS);
    }

    private void addLast(ConfigurableEnvironment environment, String resource) {
        try {
            List<PropertySource<?>> sources = loader.load("mita:" + resource, new ClassPathResource(resource));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
