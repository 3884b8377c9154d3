package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class GatewayRoutesPropertiesTest {

    @Test
    void declaresOneRoutePerDownstreamServiceAtItsLocalDefaultAddress() throws IOException {
        GatewayRoutesProperties properties = bind(Map.of());

        assertThat(properties.routes()).containsOnlyKeys("auth", "budget", "ocr", "insights", "notification", "audit");
        assertThat(properties.routes().get("auth").uri()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(properties.routes().get("auth").paths()).containsExactly("/api/auth/**", "/.well-known/jwks.json");
        assertThat(properties.routes().get("budget").uri()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(properties.routes().get("ocr").uri()).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(properties.routes().get("insights").uri()).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(properties.routes().get("notification").uri()).isEqualTo(URI.create("http://127.0.0.1:8085"));
        assertThat(properties.routes().get("audit").uri()).isEqualTo(URI.create("http://127.0.0.1:8086"));
        assertThat(properties.streamingRouteIds())
                .containsExactly("auth-stream", "notification-stream", "audit-stream");
    }

    @Test
    void theAuditRouteAlsoCarriesTheComplianceConsolesPagesToAuditService() throws IOException {
        GatewayRoutesProperties.DownstreamRoute audit = bind(Map.of()).routes().get("audit");

        assertThat(audit.paths()).containsExactly("/api/audit/**", "/audit/console/**");
        assertThat(audit.uri()).isEqualTo(URI.create("http://127.0.0.1:8086"));
    }

    @Test
    void takesServiceAddressesAndTimeoutsFromTheEnvironment() throws IOException {
        GatewayRoutesProperties properties = bind(Map.of(
                "MITA_BUDGET_URL", "http://budget-service:8082",
                "MITA_GATEWAY_RESPONSE_TIMEOUT", "4s"));

        assertThat(properties.routes().get("budget").uri()).isEqualTo(URI.create("http://budget-service:8082"));
        assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void usesTheDefaultTimeoutsUnlessAServiceOverridesThem() throws IOException {
        GatewayRoutesProperties properties = bind(Map.of(
                "mita.gateway.routes.ocr.response-timeout", "30s", "mita.gateway.routes.ocr.connect-timeout", "500ms"));

        GatewayRoutesProperties.DownstreamRoute ocr = properties.routes().get("ocr");
        GatewayRoutesProperties.DownstreamRoute budget = properties.routes().get("budget");
        assertThat(properties.responseTimeoutOf(ocr)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.connectTimeoutOf(ocr)).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.responseTimeoutOf(budget)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.connectTimeoutOf(budget)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retriesGetRequestsTwiceByDefault() throws IOException {
        GatewayRoutesProperties.Retry retry = bind(Map.of()).retry();

        assertThat(retry.retries()).isEqualTo(2);
        assertThat(retry.firstBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(retry.maxBackoff()).isEqualTo(Duration.ofMillis(500));
    }

    private static GatewayRoutesProperties bind(Map<String, Object> overrides) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // only the file and the overrides: the build machine's own variables must not change the answer
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment)
                .bind("mita.gateway", GatewayRoutesProperties.class)
                .get();
    }
}
