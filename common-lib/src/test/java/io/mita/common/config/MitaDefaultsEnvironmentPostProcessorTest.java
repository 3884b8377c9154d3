package io.mita.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MitaDefaultsEnvironmentPostProcessorTest {

    private final MitaDefaultsEnvironmentPostProcessor processor = new MitaDefaultsEnvironmentPostProcessor();

    @Test
    void kafkaClientDefaultsApplyWhereSpringKafkaIsOnTheClasspath() {
        StandardEnvironment environment = new StandardEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
                .isEqualTo("io.cloudevents.kafka.CloudEventSerializer");
    }

    @Test
    void everyProcessRunsWithoutAutomaticContextPropagation() {
        StandardEnvironment environment = new StandardEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.reactor.context-propagation"))
                .isEqualTo("limited");
    }

    @Test
    void aProcessesOwnSettingOverridesADefault() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("own", Map.of("spring.kafka.producer.properties.max.block.ms", "5000")));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.properties.max.block.ms"))
                .isEqualTo("5000");
        assertThat(environment.getProperty("spring.kafka.producer.properties.delivery.timeout.ms"))
                .isEqualTo("30000");
    }
}
