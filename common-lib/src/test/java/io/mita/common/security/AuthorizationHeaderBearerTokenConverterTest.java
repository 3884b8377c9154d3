package io.mita.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * The header-only converter answers exactly as Spring Security's {@link ServerBearerTokenAuthenticationConverter}
 * with its defaults (the one MITA configured before): the same token, no token, or the same refusal.
 */
class AuthorizationHeaderBearerTokenConverterTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl-_~+/Zz09AZaz";

    /** Parsed once: the comparisons build tens of thousands of exchanges. */
    private static final URI PATH = URI.create("/api/x");

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter ours = new AuthorizationHeaderBearerTokenConverter();

    @Test
    void aWellFormedHeaderInAnyCaseOfTheSchemeGivesItsTokenWithItsPadding() {
        assertThat(answer(ours, withAuthorization("Bearer " + TOKEN))).isEqualTo("token " + TOKEN);
        assertThat(answer(ours, withAuthorization("bEaReR " + TOKEN + "=="))).isEqualTo("token " + TOKEN + "==");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(answer(ours, MockServerWebExchange.from(MockServerHttpRequest.get("/api/x"))))
                .isEqualTo("no token");
        assertThat(answer(ours, withAuthorization("Basic dXNlcjpwYXNz"))).isEqualTo("no token");
    }

    @Test
    void aHeaderStartingWithTheSchemeButNotAToken68IsRefusedAsMalformed() {
        for (String malformed : List.of(
                "Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer " + TOKEN + " ", "Bearer =abc", "Bearer a=b")) {
            assertThat(answer(ours, withAuthorization(malformed)))
                    .as(malformed)
                    .isEqualTo("refused invalid_token / Bearer token is malformed / 401 UNAUTHORIZED"
                            + " / https://tools.ietf.org/html/rfc6750#section-3.1 / null");
        }
    }

    /**
     * Every character up to U+03FF (ASCII, controls, Latin-1, Latin Extended, with the dotless i and the long s that
     * case-fold to ASCII) and the other characters that case-fold to ASCII letters, line and paragraph separators,
     * surrogates and non-characters, in every position of {@code Bearer ab=} and after a whole token.
     */
    @Test
    void everyLatinAndCaseFoldingCharacterInEveryPositionOfTheSchemeTheSpaceAndTheTokenIsJudgedLikeSpringSecurity() {
        List<Character> characters = new ArrayList<>();
        for (char c = 0; c <= 0x3ff; c++) {
            characters.add(c);
        }
        for (char c : "\u0130\u1e9e\u2028\u2029\u212a\u212b\ud800\udc00\ufb00\ufeff\uff22\uffff".toCharArray()) {
            characters.add(c);
        }
        List<Function<Character, String>> positions = new ArrayList<>();
        String header = "Bearer ab=";
        for (int position = 0; position <= header.length(); position++) {
            int at = position;
            positions.add(c -> header.substring(0, at) + c + header.substring(Math.min(at + 1, header.length())));
        }
        positions.add(c -> "Bearer " + c);
        positions.add(c -> "Bearer " + TOKEN + "=" + c);
        List<String> disagreements = new ArrayList<>();
        for (Function<Character, String> position : positions) {
            for (char c : characters) {
                compare(position.apply(c), disagreements);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void manyRandomWellFormedAndMalformedHeadersAreJudgedLikeSpringSecurity() {
        String[] schemes = {"Bearer", "bearer", "BEARER", "bEaReR", "Bearer\t", "Bearerx", "Basic", "DPoP", "", "B"};
        String[] separators = {" ", "", "  ", "\t", " \t", "\u00a0", ","};
        String alphabet = "abcXYZ019-._~+/=  ,;:\"'\t\r\n\u0000\u0085\u2028\u00e9\u212a\u017f\u0131{}%";
        Random random = new Random(14);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(schemes[random.nextInt(schemes.length)])
                    .append(separators[random.nextInt(separators.length)]);
            int length = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(60);
            for (int k = 0; k < length; k++) {
                header.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : TOKEN.charAt(random.nextInt(TOKEN.length())));
            }
            for (int padding = random.nextInt(3); padding > 0; padding--) {
                header.append('=');
            }
            compare(header.toString(), disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void onlyTheFirstAuthorizationHeaderCountsAsForSpringSecurity() {
        for (List<String> values : List.of(
                List.of("Bearer " + TOKEN, "Bearer other"),
                List.of("Basic x", "Bearer " + TOKEN),
                List.of("Bearer  bad", "Bearer " + TOKEN))) {
            ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/x")
                    .header(HttpHeaders.AUTHORIZATION, values.toArray(String[]::new)));
            assertThat(answer(ours, exchange)).as(values.toString()).isEqualTo(answer(spring, exchange));
        }
    }

    @Test
    void aTokenInTheQueryOrAFormBodyIsIgnoredAsSpringSecurityIgnoresItByDefault() {
        List<MockServerWebExchange> exchanges = List.of(
                MockServerWebExchange.from(MockServerHttpRequest.get("/api/x?access_token=" + TOKEN)),
                MockServerWebExchange.from(MockServerHttpRequest.get("/api/x?access_token=" + TOKEN)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer other")),
                MockServerWebExchange.from(MockServerHttpRequest.post("/api/x")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body("access_token=" + TOKEN)));
        for (MockServerWebExchange exchange : exchanges) {
            assertThat(answer(ours, exchange))
                    .as(exchange.getRequest().getURI().toString())
                    .isEqualTo(answer(spring, exchange))
                    .doesNotContain(TOKEN);
        }
    }

    private void compare(String header, List<String> disagreements) {
        ServerWebExchange exchange = withAuthorization(header);
        String expected = answer(spring, exchange);
        String actual = answer(ours, exchange);
        if (!expected.equals(actual)) {
            disagreements.add(escaped(header) + ": Spring " + expected + ", ours " + actual);
        }
    }

    private static ServerWebExchange withAuthorization(String header) {
        return MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.GET, PATH).header(HttpHeaders.AUTHORIZATION, header));
    }

    /** The whole answer: the token, none, or the refusal's code, description, status, URI and scope. */
    private static String answer(ServerAuthenticationConverter converter, ServerWebExchange exchange) {
        try {
            Authentication authentication = converter.convert(exchange).block();
            return authentication == null
                    ? "no token"
                    : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException refused) {
            OAuth2Error error = refused.getError();
            BearerTokenError bearer = (BearerTokenError) error;
            return "refused " + error.getErrorCode() + " / " + error.getDescription() + " / " + bearer.getHttpStatus()
                    + " / " + error.getUri() + " / " + bearer.getScope();
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
