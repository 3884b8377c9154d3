package io.mita.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SigningAlgorithmSettingTest {

    @Test
    void newSigningKeysAreRs256UnlessConfiguredOtherwise() {
        context()
                .run(context -> assertThat(context.getBean(AuthProperties.class).signingAlgorithm())
                        .isEqualTo(AuthProperties.SigningAlgorithm.RS256));
    }

    @Test
    void es256CanBeConfigured() {
        context()
                .withPropertyValues("mita.auth.signing-algorithm=ES256")
                .run(context -> assertThat(context.getBean(AuthProperties.class).signingAlgorithm())
                        .isEqualTo(AuthProperties.SigningAlgorithm.ES256));
    }

    @Test
    void anyOtherAlgorithmStopsTheStartupNamingTheSetting() {
        context().withPropertyValues("mita.auth.signing-algorithm=HS256").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("HS256");
            assertThat(context.getStartupFailure()).hasStackTraceContaining("mita.auth.signing-algorithm");
        });
    }

    private static ApplicationContextRunner context() {
        // the default is application.yml's, as in the service
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Settings.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class Settings {}
}
