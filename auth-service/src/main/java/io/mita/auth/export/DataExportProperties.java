package io.mita.auth.export;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.export.*} (defaults: {@code application.yml}).
 *
 * @param services     each data service's name (its file in the archive, {@code <name>.json}, and its path
 *                     {@code /api/<path>/me/export}) and internal base URL
 * @param lifetime     how long an archive can be downloaded after the request; then it is gone
 * @param maxPerDay    exports one user may request within 24 hours
 * @param concurrency  exports built at once (each holds one compressed archive in memory)
 * @param timeout      the longest one service's answer may take, per attempt
 * @param retries      further attempts after a service failed (5xx, no connection, timeout)
 * @param tokenTtl     lifetime of the access token minted for the user to call the services (at most 5 minutes)
 * @param staleAfter   a PENDING export older than this was interrupted (a restart): it is marked FAILED when the
 *                     user asks again
 */
@Validated
@ConfigurationProperties("mita.auth.export")
public record DataExportProperties(
        @NotNull Map<String, URI> services,
        @NotNull Duration lifetime,
        @Min(1) int maxPerDay,
        @Min(1) int concurrency,
        @NotNull Duration timeout,
        @Min(0) int retries,
        @NotNull Duration tokenTtl,
        @NotNull Duration staleAfter) {

    static final Duration MAX_TOKEN_TTL = Duration.ofMinutes(5);

    public DataExportProperties {
        if (tokenTtl != null && tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("mita.auth.export.token-ttl must be at most 5 minutes");
        }
    }
}
