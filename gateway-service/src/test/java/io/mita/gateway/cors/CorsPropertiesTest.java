package io.mita.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

class CorsPropertiesTest {

    @Test
    void allowsTheLocalWebAppByDefault() throws IOException {
        CorsProperties properties = bind(Map.of(), false);

        assertThat(properties.allowedOrigins()).containsExactly("http://localhost:3000");
        assertThat(properties.forbidWildcard()).isFalse();
        assertThat(properties.maxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void takesTheAllowlistFromTheEnvironment() throws IOException {
        CorsProperties properties =
                bind(Map.of("MITA_CORS_ALLOWED_ORIGINS", "https://app.mita.io, https://admin.mita.io"), true);

        assertThat(properties.allowedOrigins()).containsExactly("https://app.mita.io", "https://admin.mita.io");
        assertThat(properties.forbidWildcard()).isTrue();
    }

    @Test
    void refusesAWildcardOriginInTheProdProfileWithAClearMessage() {
        assertThatThrownBy(() -> bind(Map.of("MITA_CORS_ALLOWED_ORIGINS", "*"), true))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("wildcard origin '*'")
                .hasMessageContaining("prod")
                .hasMessageContaining("MITA_CORS_ALLOWED_ORIGINS");
    }

    @Test
    void acceptsAWildcardOriginOutsideProd() throws IOException {
        assertThat(bind(Map.of("MITA_CORS_ALLOWED_ORIGINS", "*"), false).allowedOrigins())
                .isEqualTo(List.of("*"));
    }

    private static CorsProperties bind(Map<String, Object> environment, boolean prod) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        if (prod) {
            yaml.load("application-prod", new ClassPathResource("application-prod.yml"))
                    .forEach(source -> env.getPropertySources().addLast(source));
        }
        yaml.load("application", new ClassPathResource("application.yml"))
                .forEach(source -> env.getPropertySources().addLast(source));
        return Binder.get(env).bind("mita.gateway.cors", CorsProperties.class).get();
    }
}
