package io.mita.budget.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The plan ITs' clock: noon of the last day before the current (real, UTC) month. Plans and redistribution then
 * see every day of this month as open, while transactions (whose dates are checked against the real date) can be
 * recorded on its first day: the ITs are the same on every day of the year.
 */
@TestConfiguration(proxyBeanMethods = false)
class EveOfThisMonth {

    static final YearMonth MONTH = YearMonth.now(ZoneOffset.UTC);
    static final LocalDate FIRST_DAY = MONTH.atDay(1);

    @Bean
    @Primary
    Clock eveOfThisMonth() {
        return Clock.fixed(FIRST_DAY.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
