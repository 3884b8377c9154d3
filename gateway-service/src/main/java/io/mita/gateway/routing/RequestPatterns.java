package io.mita.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Path patterns ({@code /api/auth/password-reset/**}) and, optionally, methods: what a rate-limit rule
 * or a body limit applies to. Parsed once; matching allocates nothing beyond the request's path.
 */
public final class RequestPatterns {

    private final List<PathPattern> paths;
    private final Set<String> methods;

    private RequestPatterns(List<PathPattern> paths, Set<String> methods) {
        this.paths = paths;
        this.methods = methods;
    }

    /** No methods means every method. */
    public static RequestPatterns of(List<String> paths, List<String> methods) {
        List<PathPattern> parsed =
                paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        Set<String> upper = methods == null
                ? Set.of()
                : methods.stream()
                        .map(method -> method.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        return new RequestPatterns(parsed, upper);
    }

    public boolean matches(ServerHttpRequest request) {
        if (!methods.isEmpty() && !methods.contains(request.getMethod().name())) {
            return false;
        }
        return matchesPath(request.getPath().pathWithinApplication());
    }

    public boolean matchesPath(PathContainer path) {
        for (PathPattern pattern : paths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
