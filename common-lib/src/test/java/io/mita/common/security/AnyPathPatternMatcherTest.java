package io.mita.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * One matcher for all open paths answers exactly as Spring Security's {@code pathMatchers(String...)} (what MITA's
 * chain used before) for the open paths of every process.
 */
class AnyPathPatternMatcherTest {

    /** The gateway's open paths: the always-public ones and its configured public paths. */
    private static final List<String> OPEN = open();

    private final ServerWebExchangeMatcher spring = ServerWebExchangeMatchers.pathMatchers(OPEN.toArray(String[]::new));
    private final ServerWebExchangeMatcher ours = AnyPathPatternMatcher.of(OPEN);

    private static List<String> open() {
        List<String> open = new ArrayList<>(MitaSecurityAutoConfiguration.ALWAYS_PUBLIC);
        open.addAll(List.of(
                "/api/auth/register",
                "/api/auth/login",
                "/api/auth/login/mfa",
                "/api/auth/refresh",
                "/api/auth/logout",
                "/api/auth/password-reset/**",
                "/.well-known/jwks.json",
                "/api/notifications/unsubscribe",
                "/audit/console/**",
                "/api/things/{id}/public",
                "relative/**"));
        return List.copyOf(open);
    }

    @Test
    void anOpenPathMatchesWithAnyMethodAndAnApiPathDoesNot() {
        assertThat(matches(ours, HttpMethod.POST, "/api/auth/login")).isTrue();
        assertThat(matches(ours, HttpMethod.GET, "/api/auth/password-reset/confirm/abc"))
                .isTrue();
        assertThat(matches(ours, HttpMethod.GET, "/actuator/health/readiness")).isTrue();
        assertThat(matches(ours, HttpMethod.GET, "/api/notifications/unread-count"))
                .isFalse();
        assertThat(matches(ours, HttpMethod.GET, "/api/auth/me")).isFalse();
    }

    @Test
    void answersAsSpringSecuritysPathMatchersOnEveryPathTried() {
        List<String> paths = new ArrayList<>();
        for (String pattern : OPEN) {
            String literal = pattern.replace("/**", "").replace("{id}", "42");
            for (String variant : List.of(
                    literal,
                    literal + "/",
                    literal + "//",
                    literal + "/x",
                    literal + "/x/y",
                    literal + ";jsessionid=1",
                    literal + "x",
                    literal.toUpperCase(),
                    "/" + literal,
                    "//" + literal.replaceFirst("^/", ""),
                    literal.replace("/", "/./"),
                    literal.replace("/", "/%2F"),
                    literal + "/..",
                    literal + "/%2e%2e/api/x",
                    literal.replace("a", "%61"),
                    literal + "?q=1",
                    "/x" + literal)) {
                paths.add(variant);
            }
        }
        paths.addAll(List.of("/", "", "/api", "/api/", "/api/notifications/unread-count", "/relative", "relative/x"));
        Random random = new Random(14);
        String alphabet = "/apiuthlogn.;%2e-_~{}*?ABC";
        for (int i = 0; i < 5_000; i++) {
            String base = OPEN.get(random.nextInt(OPEN.size()));
            StringBuilder path = new StringBuilder(base.substring(0, random.nextInt(base.length() + 1)));
            for (int k = random.nextInt(8); k > 0; k--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            paths.add(path.toString());
        }
        int matched = 0;
        for (String path : paths) {
            MockServerHttpRequest request;
            try {
                request = MockServerHttpRequest.get(path).build();
            } catch (IllegalArgumentException | IllegalStateException notAUri) {
                continue;
            }
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS)) {
                boolean expected = matches(spring, method, request);
                assertThat(matches(ours, method, request))
                        .as(method + " " + path)
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        // both answers occur often, so the comparison is not only of refusals
        assertThat(matched).isGreaterThan(300);
        assertThat(paths.size() * 3 - matched).isGreaterThan(300);
    }

    @Test
    void refusesAnEmptyListOfPatterns() {
        assertThatThrownBy(() -> AnyPathPatternMatcher.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean matches(ServerWebExchangeMatcher matcher, HttpMethod method, String path) {
        return matches(matcher, method, MockServerHttpRequest.get(path).build());
    }

    private static boolean matches(ServerWebExchangeMatcher matcher, HttpMethod method, MockServerHttpRequest get) {
        MockServerHttpRequest request =
                MockServerHttpRequest.method(method, get.getURI()).build();
        ServerWebExchange exchange = MockServerWebExchange.from(request);
        return Boolean.TRUE.equals(matcher.matches(exchange)
                .map(ServerWebExchangeMatcher.MatchResult::isMatch)
                .block());
    }
}
