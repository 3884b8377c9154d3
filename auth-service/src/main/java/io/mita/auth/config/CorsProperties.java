package io.mita.auth.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.cors.*}: the browser origins allowed to call auth-service directly. Browsers normally reach
 * it through the gateway, which answers CORS itself; so auth-service answers CORS only when
 * {@code enabled} (otherwise both would add the headers). The prod profile refuses the wildcard {@code *}
 * in any case. Defaults: {@code application.yml}.
 */
@ConfigurationProperties("mita.cors")
public record CorsProperties(List<String> allowedOrigins, boolean enabled) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream().map(String::strip).toList();
    }

    public boolean allowsEveryOrigin() {
        return allowedOrigins.stream().anyMatch(origin -> origin.contains("*"));
    }
}
