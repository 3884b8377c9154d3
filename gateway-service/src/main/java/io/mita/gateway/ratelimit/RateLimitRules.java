package io.mita.gateway.ratelimit;

import io.mita.gateway.routing.RequestPatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The configured rules, parsed once: which of them apply to a request. */
class RateLimitRules {

    record Rule(String name, RequestPatterns patterns, int capacity, Duration period, KeyKind key, int batch) {}

    private final List<Rule> rules;
    private final Rule defaultRule;
    private final RequestPatterns excluded;

    RateLimitRules(RateLimitProperties properties) {
        List<Rule> parsed = new ArrayList<>();
        for (Map.Entry<String, RateLimitProperties.Rule> entry :
                properties.rules().entrySet()) {
            RateLimitProperties.Rule rule = entry.getValue();
            if (rule.paths().isEmpty()) {
                throw new IllegalArgumentException(
                        "mita.gateway.rate-limits.rules." + entry.getKey() + ".paths is empty");
            }
            parsed.add(new Rule(
                    entry.getKey(),
                    RequestPatterns.of(rule.paths(), rule.methods()),
                    rule.capacity(),
                    rule.period(),
                    rule.key(),
                    rule.localBatch()));
        }
        this.rules = List.copyOf(parsed);
        RateLimitProperties.Rule fallback = properties.defaultRule();
        this.defaultRule = new Rule(
                "default", null, fallback.capacity(), fallback.period(), fallback.key(), fallback.localBatch());
        this.excluded = RequestPatterns.of(properties.excludedPaths(), List.of());
    }

    /** Every matching rule, or the default rule when none matches; empty for excluded paths. */
    List<Rule> applicable(ServerHttpRequest request) {
        if (excluded.matches(request)) {
            return List.of();
        }
        List<Rule> matching = null;
        for (Rule rule : rules) {
            if (rule.patterns().matches(request)) {
                if (matching == null) {
                    matching = new ArrayList<>(2);
                }
                matching.add(rule);
            }
        }
        return matching == null ? List.of(defaultRule) : matching;
    }

    /** Paths no limit ever applies to (the probes). */
    boolean excluded(ServerHttpRequest request) {
        return excluded.matches(request);
    }

    Duration longestPeriod() {
        return Stream.concat(rules.stream(), Stream.of(defaultRule))
                .map(Rule::period)
                .max(Duration::compareTo)
                .orElseThrow();
    }
}
