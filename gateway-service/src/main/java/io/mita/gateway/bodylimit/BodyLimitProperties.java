package io.mita.gateway.bodylimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The largest request body the gateway forwards.
 *
 * @param defaultMaxSize every request's limit unless an override matches (the API speaks JSON)
 * @param overrides      name → larger (or smaller) limits for some paths and methods; the first match wins
 */
@Validated
@ConfigurationProperties("mita.gateway.body-limits")
record BodyLimitProperties(@NotNull DataSize defaultMaxSize, Map<String, @Valid Override> overrides) {

    BodyLimitProperties {
        overrides = overrides == null ? Map.of() : overrides;
    }

    /**
     * @param paths   path patterns
     * @param methods methods (all when empty)
     * @param maxSize the limit for these requests
     */
    record Override(
            @NotEmpty List<String> paths,
            List<String> methods,
            @NotNull DataSize maxSize) {}
}
