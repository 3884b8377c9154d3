package io.mita.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which web origins may call the API from a browser. Native apps send no {@code Origin} and are not
 * concerned.
 *
 * @param allowedOrigins  exact origins ({@code https://app.mita.io}); {@code *} allows any origin and is
 *                        refused when {@code forbidWildcard} is set
 * @param forbidWildcard  set in the {@code prod} profile: startup fails if an allowed origin contains {@code *}
 * @param maxAge          how long a browser may cache a preflight answer
 */
@ConfigurationProperties("mita.gateway.cors")
record CorsProperties(List<String> allowedOrigins, boolean forbidWildcard, Duration maxAge) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        if (forbidWildcard) {
            allowedOrigins.stream()
                    .filter(origin -> origin.contains("*"))
                    .findFirst()
                    .ifPresent(origin -> {
                        throw new IllegalArgumentException(
                                "mita.gateway.cors.allowed-origins contains the wildcard origin '"
                                        + origin
                                        + "', which is refused in this profile (prod): list the app's exact origins in "
                                        + "MITA_CORS_ALLOWED_ORIGINS, e.g. https://app.mita.io");
                    });
        }
    }
}
