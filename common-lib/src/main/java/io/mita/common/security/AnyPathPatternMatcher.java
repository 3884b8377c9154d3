package io.mita.common.security;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Whether the request's path matches any of several path patterns (any method), answered with one loop and one
 * {@code Mono}. Spring Security's {@code pathMatchers(String...)} answers the same question with an
 * {@code OrServerWebExchangeMatcher} that subscribes one matcher per pattern through {@code Flux.flatMap} and extracts
 * each match's variables, on every request for every open path before {@code anyExchange()} (issue 14,
 * docs/decisions.md, "fifth pass"). The patterns are parsed exactly as Spring's
 * {@code PathPatternParserServerWebExchangeMatcher} parses them and matched against the same path (the path within
 * the application), so the two answer alike ({@code AnyPathPatternMatcherTest}); a match carries no variables (a
 * {@code permitAll} rule reads none).
 */
public final class AnyPathPatternMatcher implements ServerWebExchangeMatcher {

    private final List<PathPattern> patterns;

    private AnyPathPatternMatcher(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    public static AnyPathPatternMatcher of(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one path pattern is needed");
        }
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return new AnyPathPatternMatcher(patterns.stream()
                .map(pattern -> parser.parse(parser.initFullPathPattern(pattern)))
                .toList());
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return MatchResult.match();
            }
        }
        return MatchResult.notMatch();
    }

    @Override
    public String toString() {
        return "AnyPathPatternMatcher" + patterns;
    }
}
