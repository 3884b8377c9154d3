package io.mita.common.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What this service publishes and how its outbox relay behaves. The defaults live in
 * {@code mita-data-service-defaults.yml} (poll interval 200 ms, idle poll interval 5 s, pass spacing 20 ms, batch size 200, retention
 * 7 days, lease 60 s, parked after 3 refusals), not here.
 *
 * @param topic              the topic the relay publishes to ({@code mita.<service>.v1}); no relay when unset
 * @param source             the CloudEvents {@code source}, {@code /mita/<service>}
 * @param pollInterval       how often the relay looks for unpublished events while it finds some
 * @param idlePollInterval   how often it looks while the outbox is empty; an event committed by this process wakes
 *                           it at once (so this bounds only the delay of events no wake-up announced)
 * @param passSpacing        the least time between the starts of two passes when a commit wakes the relay: the
 *                           commits within it share one pass (zero: a pass right after each wake-up)
 * @param batchSize          how many events one relay pass claims at most
 * @param retention          how long published events stay in the outbox table
 * @param lease              how long a claimed batch belongs to one relay; a crashed relay's batch is
 *                           claimed again after it. Longer than a pass can take (the producer's
 *                           {@code max.block.ms} plus {@code delivery.timeout.ms}).
 * @param parkAfterRefusals  after how many permanent refusals (record too large, no envelope can be built)
 *                           an event is parked instead of retried
 */
@ConfigurationProperties("mita.events")
public record MitaEventsProperties(
        String topic,
        String source,
        Duration pollInterval,
        Duration idlePollInterval,
        Duration passSpacing,
        Integer batchSize,
        Duration retention,
        Duration lease,
        Integer parkAfterRefusals) {}
