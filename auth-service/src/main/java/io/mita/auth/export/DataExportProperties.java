package io.mita.auth.export;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.export.*} (defaults: {@code application.yml}).
 *
 * @param services     each data service's name (its file in the archive, {@code <name>.json}, and its path
 *                     {@code /api/<path>/me/export}) and internal base URL
 * @param lifetime     how long an archive can be downloaded after the request; then it is gone
 * @param maxPerDay    exports one user may request within 24 hours
 * @param concurrency  exports one instance builds at once (each holds one chunk of its archive in memory)
 * @param timeout      the longest one service's answer may take, per attempt
 * @param retries      further attempts after a service failed (5xx, no connection, timeout)
 * @param tokenTtl     lifetime of the access token minted for the user to call the services (at most 5 minutes)
 * @param pollInterval how often a worker looks for due PENDING exports (a request wakes the worker at once too)
 * @param lease        how long a claim holds an export without renewal (a build renews it every third of it);
 *                     after it another worker may claim the export again (its worker died)
 * @param maxAttempts  claims of one export; an export claimed this often without finishing becomes FAILED
 * @param backOff      the wait before an export is claimed again after an attempt that failed inside the service;
 *                     doubles with each attempt
 * @param chunkSize    the archive is stored and served in chunks of at most this size
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
        @NotNull Duration pollInterval,
        @NotNull Duration lease,
        @Min(1) int maxAttempts,
        @NotNull Duration backOff,
        @NotNull DataSize chunkSize) {

    static final Duration MAX_TOKEN_TTL = Duration.ofMinutes(5);
    static final DataSize MAX_CHUNK_SIZE = DataSize.ofMegabytes(1);

    public DataExportProperties {
        if (tokenTtl != null && tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("mita.auth.export.token-ttl must be at most 5 minutes");
        }
        if (chunkSize != null && (chunkSize.toBytes() < 1 || chunkSize.toBytes() > MAX_CHUNK_SIZE.toBytes())) {
            throw new IllegalArgumentException("mita.auth.export.chunk-size must be between 1B and 1MB");
        }
    }
}
