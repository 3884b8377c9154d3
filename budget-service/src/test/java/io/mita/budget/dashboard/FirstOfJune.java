package io.mita.budget.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The dashboard ITs' clock: noon (UTC) of 1 June 2026, a month of 30 days, so the spreads and moves of the
 * expected values are the same whatever the real date.
 */
@TestConfiguration(proxyBeanMethods = false)
class FirstOfJune {

    static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

    @Bean
    @Primary
    Clock firstOfJune() {
        return Clock.fixed(NOON, ZoneOffset.UTC);
    }
}
