package io.mita.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.password.PasswordResetProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

class ProductionSafetyCheckTest {

    private static final String SECRET_MASTER_KEY = "c2VjcmV0LW1hc3Rlci1rZXktb2YtMzItYnl0ZXMhISE=";
    private static final String SECRET_DELIVERY_KEY = "c2VjcmV0LWRlbGl2ZXJ5LWtleS1vZi0zMi1ieXRlcyE=";

    @Test
    void acceptsSecretKeysAndListedOrigins() {
        assertThat(ProductionSafetyCheck.violations(
                        auth(SECRET_MASTER_KEY, "a long secret admin password"),
                        reset(SECRET_DELIVERY_KEY),
                        cors("https://app.mita.example")))
                .isEmpty();
    }

    @Test
    void refusesTheDevelopmentMasterKeyNamingTheSetting() {
        assertThat(ProductionSafetyCheck.violations(
                        auth(DevelopmentDefaults.MASTER_KEY, "a long secret admin password"),
                        reset(SECRET_DELIVERY_KEY),
                        cors("https://app.mita.example")))
                .singleElement()
                .asString()
                .contains("MITA_AUTH_MASTER_KEY")
                .contains("development key")
                .doesNotContain(DevelopmentDefaults.MASTER_KEY);
    }

    @Test
    void refusesTheDevelopmentDeliveryKeyNamingTheSetting() {
        assertThat(ProductionSafetyCheck.violations(
                        auth(SECRET_MASTER_KEY, "a long secret admin password"),
                        reset(DevelopmentDefaults.DELIVERY_KEY),
                        cors("https://app.mita.example")))
                .singleElement()
                .asString()
                .contains("MITA_NOTIFICATION_DELIVERY_KEY")
                .contains("development");
    }

    @Test
    void refusesAWildcardCorsOriginNamingTheSetting() {
        assertThat(ProductionSafetyCheck.violations(
                        auth(SECRET_MASTER_KEY, "a long secret admin password"),
                        reset(SECRET_DELIVERY_KEY),
                        cors("https://app.mita.example", "*")))
                .singleElement()
                .asString()
                .contains("MITA_CORS_ALLOWED_ORIGINS")
                .contains("*");
        assertThat(ProductionSafetyCheck.violations(
                        auth(SECRET_MASTER_KEY, "a long secret admin password"),
                        reset(SECRET_DELIVERY_KEY),
                        cors("https://*.mita.example")))
                .hasSize(1);
    }

    @Test
    void refusesTheDefaultBootstrapAdminPassword() {
        assertThat(ProductionSafetyCheck.violations(
                        auth(SECRET_MASTER_KEY, DevelopmentDefaults.BOOTSTRAP_ADMIN_PASSWORD),
                        reset(SECRET_DELIVERY_KEY),
                        cors("https://app.mita.example")))
                .singleElement()
                .asString()
                .contains("MITA_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void theProdProfileStopsTheContextNamingEveryWrongSettingAtOnce() {
        contextWith("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("The prod profile refuses to start")
                    .hasMessageContaining("MITA_AUTH_MASTER_KEY")
                    .hasMessageContaining("MITA_NOTIFICATION_DELIVERY_KEY")
                    .hasMessageContaining("MITA_CORS_ALLOWED_ORIGINS")
                    .hasMessageContaining("MITA_BOOTSTRAP_ADMIN_PASSWORD");
        });
    }

    @Test
    void withoutTheProdProfileTheDevelopmentDefaultsStart() {
        contextWith().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ProductionSafetyCheck.class);
        });
    }

    @Test
    void theProdProfileGivesTheSecretsNoDefaults() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-prod.yml"));
        Map<Object, Object> prod = yaml.getObject();

        assertThat(prod)
                .containsEntry("mita.auth.master-key", "${MITA_AUTH_MASTER_KEY}")
                .containsEntry("mita.auth.password-reset.delivery-key", "${MITA_NOTIFICATION_DELIVERY_KEY}")
                .containsEntry("mita.auth.bootstrap-admin.password", "${MITA_BOOTSTRAP_ADMIN_PASSWORD}")
                .containsEntry("mita.cors.allowed-origins", "${MITA_CORS_ALLOWED_ORIGINS}");
    }

    private static ApplicationContextRunner contextWith(String... extra) {
        // application.yml supplies every default, as in the service
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Settings.class, ProductionSafetyCheck.class)
                .withPropertyValues(
                        "mita.auth.master-key=" + DevelopmentDefaults.MASTER_KEY,
                        "mita.auth.bootstrap-admin.password=" + DevelopmentDefaults.BOOTSTRAP_ADMIN_PASSWORD,
                        "mita.auth.password-reset.delivery-key=" + DevelopmentDefaults.DELIVERY_KEY,
                        "mita.cors.allowed-origins=*")
                .withPropertyValues(extra);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AuthProperties.class, PasswordResetProperties.class, CorsProperties.class})
    static class Settings {}

    private static AuthProperties auth(String masterKey, String bootstrapPassword) {
        return new AuthProperties(
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                masterKey,
                AuthProperties.SigningAlgorithm.RS256,
                new AuthProperties.PasswordHashing(1),
                new AuthProperties.BootstrapAdmin("admin@mita.local", bootstrapPassword));
    }

    private static PasswordResetProperties reset(String deliveryKey) {
        return new PasswordResetProperties(Duration.ofMinutes(30), deliveryKey);
    }

    private static CorsProperties cors(String... origins) {
        return new CorsProperties(List.of(origins), false);
    }
}
