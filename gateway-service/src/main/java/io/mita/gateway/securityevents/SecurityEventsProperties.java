package io.mita.gateway.securityevents;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How refused requests become security events.
 *
 * @param enabled        off: nothing is recorded or published
 * @param topic          where they are published
 * @param source         their CloudEvents {@code source}
 * @param window         refusals of one client, status and route within one window become one event;
 *                       windows are aligned to the epoch (a minute window starts at a full minute)
 * @param maxKeysPerWindow most distinct (client, status, route) keys one window keeps; more are counted in one overflow event
 * @param shutdownWait   how long shutdown waits for the last events to be acknowledged
 */
@Validated
@ConfigurationProperties("mita.gateway.security-events")
record SecurityEventsProperties(
        boolean enabled,
        @NotBlank String topic,
        @NotBlank String source,
        @NotNull Duration window,
        @Min(1) int maxKeysPerWindow,
        @NotNull Duration shutdownWait) {}
