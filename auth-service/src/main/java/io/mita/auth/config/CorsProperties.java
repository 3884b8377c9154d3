package io.mita.auth.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mita.cors.*}: the browser origins allowed to call auth-service directly. Browsers normally reach
 * it through the gateway, which answers CORS itself; so auth-service answers CORS only when
 * {@code enabled} (otherwise both would add the headers). The prod profile refuses the wildcard {@code *}
 * in any case.
 */
@ConfigurationProperties("mita.cors")
public record CorsProperties(
        @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
        @DefaultValue("false") boolean enabled) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream().map(String::strip).toList();
    }

    public boolean allowsEveryOrigin() {
        return allowedOrigins.stream().anyMatch(origin -> origin.contains("*"));
    }
}
