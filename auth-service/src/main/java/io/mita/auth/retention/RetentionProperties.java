package io.mita.auth.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.retention.*} (defaults: {@code application.yml}).
 *
 * @param interval             how often the purge runs (the first run one interval after startup)
 * @param expiredKept          how long refresh and reset tokens stay after they expired (an investigation can
 *                             still see a recent theft), before they are deleted
 * @param processedEvents      how long the inbox remembers a consumed event id (longer than Kafka keeps records)
 * @param unknownAccountCounts how long the daily counts of unknown-account attempts are kept
 */
@Validated
@ConfigurationProperties("mita.auth.retention")
public record RetentionProperties(
        @NotNull Duration interval,
        @NotNull Duration expiredKept,
        @NotNull Duration processedEvents,
        @NotNull Duration unknownAccountCounts) {}
