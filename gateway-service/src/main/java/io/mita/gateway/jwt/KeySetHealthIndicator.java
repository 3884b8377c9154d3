package io.mita.gateway.jwt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of the gateway's readiness: DOWN until auth-service's key set has been fetched once (a gateway that cannot
 * check a token cannot serve), after that UP — a later failed refresh keeps the last good set. While DOWN, each
 * probe starts a fetch in the background.
 */
class KeySetHealthIndicator implements HealthIndicator {

    private final CachingJwkSource keys;

    KeySetHealthIndicator(CachingJwkSource keys) {
        this.keys = keys;
    }

    @Override
    public Health health() {
        if (keys.hasKeys()) {
            return Health.up().build();
        }
        keys.load().subscribe();
        return Health.down()
                .withDetail("reason", "the JWKS has not been fetched yet")
                .build();
    }
}
