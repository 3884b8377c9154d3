package io.mita.notification.live;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SSE stream ({@code mita.notification.stream.*}).
 *
 * @param heartbeat   how often an idle stream gets a comment line (keeps proxies from closing it)
 * @param bufferSize  notifications held for a client that does not read; one more and it is dropped
 * @param replayLimit most notifications replayed after a {@code Last-Event-ID}
 */
@Validated
@ConfigurationProperties("mita.notification.stream")
public record StreamProperties(
        @NotNull Duration heartbeat,
        @Min(1) int bufferSize,
        @Min(1) int replayLimit) {}
