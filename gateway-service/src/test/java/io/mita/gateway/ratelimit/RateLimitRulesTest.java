package io.mita.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RateLimitRulesTest {

    @Test
    void limitsTheAuthEndpointsAsTheIssueAsksAndEverythingElseAThousandPerHour() throws IOException {
        RateLimitProperties properties = bind(Map.of());

        assertRule(properties.rules().get("loginip"), 300, Duration.ofMinutes(15), KeyKind.IP);
        assertRule(properties.rules().get("loginemail"), 10, Duration.ofMinutes(15), KeyKind.EMAIL);
        assertRule(properties.rules().get("register"), 5, Duration.ofHours(1), KeyKind.IP);
        assertRule(properties.rules().get("passwordreset"), 3, Duration.ofMinutes(30), KeyKind.IP);
        assertRule(properties.rules().get("refresh"), 20, Duration.ofMinutes(5), KeyKind.USER_OR_IP);
        assertRule(properties.rules().get("receiptupload"), 10, Duration.ofHours(1), KeyKind.USER);
        assertRule(properties.defaultRule(), 1000, Duration.ofHours(1), KeyKind.USER_OR_IP);
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.redisTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.rules().values())
                .as("the small auth and upload buckets ask Redis on every request")
                .allSatisfy(rule -> assertThat(rule.localBatch()).isEqualTo(1));
        assertThat(properties.defaultRule().localBatch()).isEqualTo(10);
        assertThat(properties.tokenCheck().localBatch()).isEqualTo(20);
        assertThat(properties.leaseMaxAge()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void appliesBothLoginBucketsToALoginAndTheDefaultRuleOnlyWhereNoRuleMatches() throws IOException {
        RateLimitRules rules = new RateLimitRules(bind(Map.of()));

        assertThat(rules.applicable(request(HttpMethod.POST, "/api/auth/login")))
                .extracting(RateLimitRules.Rule::name)
                .containsExactlyInAnyOrder("loginip", "loginemail");
        assertThat(rules.applicable(request(HttpMethod.POST, "/api/auth/password-reset/confirm")))
                .extracting(RateLimitRules.Rule::name)
                .containsExactly("passwordreset");
        assertThat(rules.applicable(request(HttpMethod.POST, "/api/ocr/receipts")))
                .extracting(RateLimitRules.Rule::name)
                .containsExactly("receiptupload");
        assertThat(rules.applicable(request(HttpMethod.GET, "/api/ocr/receipts")))
                .extracting(RateLimitRules.Rule::name)
                .containsExactly("default");
        assertThat(rules.applicable(request(HttpMethod.GET, "/api/budget/dashboard")))
                .extracting(RateLimitRules.Rule::name)
                .containsExactly("default");
        assertThat(rules.applicable(request(HttpMethod.GET, "/actuator/prometheus")))
                .isEmpty();
        assertThat(rules.longestPeriod()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void takesOneLimitFromTheEnvironment() throws IOException {
        RateLimitProperties properties = bind(Map.of(
                "MITA_GATEWAY_RATELIMITS_RULES_LOGINIP_CAPACITY", "25", "MITA_GATEWAY_RATE_LIMITS_ENABLED", "false"));

        assertThat(properties.rules().get("loginip").capacity()).isEqualTo(25);
        assertThat(properties.rules().get("loginip").period()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.enabled()).isFalse();
    }

    private static void assertRule(RateLimitProperties.Rule rule, int capacity, Duration period, KeyKind key) {
        assertThat(rule.capacity()).isEqualTo(capacity);
        assertThat(rule.period()).isEqualTo(period);
        assertThat(rule.key()).isEqualTo(key);
    }

    private static MockServerHttpRequest request(HttpMethod method, String path) {
        return MockServerHttpRequest.method(method, path).build();
    }

    private static RateLimitProperties bind(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        // the way Boot reads real environment variables (relaxed names)
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(source -> env.getPropertySources().addLast(source));
        return Binder.get(env)
                .bind("mita.gateway.rate-limits", RateLimitProperties.class)
                .get();
    }
}
