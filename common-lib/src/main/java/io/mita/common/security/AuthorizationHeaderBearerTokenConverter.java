package io.mita.common.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of a request, from its {@code Authorization} header only (RFC 6750 §2.1), answering exactly as
 * Spring Security's {@code ServerBearerTokenAuthenticationConverter} with its defaults (no {@code access_token} in
 * the query or a form body, which every MITA process keeps): no header, or one that does not start with
 * {@code bearer} in any case, is no token (an empty answer); {@code Bearer}, one space and a token68 value
 * ({@code [A-Za-z0-9-._~+/]+} then {@code =} padding) is the token; anything else starting with {@code bearer} is
 * malformed ({@code invalid_token}, "Bearer token is malformed", which the entry point answers with 401
 * problem+json). One pass over the header's characters instead of Spring's regular expression and its
 * {@code Flux.merge} of three sources per request; {@code AuthorizationHeaderBearerTokenConverterTest} compares
 * the two over many well-formed and malformed headers.
 */
public final class AuthorizationHeaderBearerTokenConverter implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!StringUtils.startsWithIgnoreCase(authorization, SCHEME)) {
            return Mono.empty();
        }
        String token = token68After(authorization);
        if (token == null) {
            return Mono.error(
                    new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /**
     * The value after {@code bearer} and exactly one space when it is a token68 — at least one of
     * {@code A-Z a-z 0-9 - . _ ~ + /}, then only {@code =} — up to the end of the header; otherwise null. The
     * scheme's six letters have been checked by the caller.
     */
    static String token68After(String authorization) {
        int length = authorization.length();
        int start = SCHEME.length() + 1;
        if (length <= start || authorization.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int i = start;
        while (i < length && isToken68Character(authorization.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length ? authorization.substring(start) : null;
    }

    private static boolean isToken68Character(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
