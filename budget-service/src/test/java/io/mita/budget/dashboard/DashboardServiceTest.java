package io.mita.budget.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.plan.PlannedMonth;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard over a fake of its one read: today's safe-to-spend and the month to date computed by hand from a
 * planned June 2026 (today the 10th), everything read once for the user and the day in the caller's zone.
 */
class DashboardServiceTest {

    private static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final Clock TENTH_OF_JUNE = Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DashboardBody BODY = new DashboardBody(JSON);

    private final UUID user = UUID.randomUUID();
    private final List<String> calls = new ArrayList<>();

    @Test
    void todaysSafeToSpendIsWhatTodaysPlansLeaveAfterTodaysSpending() {
        DashboardResponse answer = answer(service(june()), UTC);

        // today (10 June): groceries planned 25.00, spent 25.00; dining planned 5.00, spent 3.00 → 2.00
        assertThat(answer.today()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(answer.month()).isEqualTo("2026-06");
        assertThat(answer.zone()).isEqualTo("UTC");
        assertThat(answer.budget().currency()).isEqualTo("EUR");
        assertThat(answer.budget().safeToSpendToday()).isEqualTo("2.00");
    }

    @Test
    void theMonthToDateIsTheMonthsPlanTheSpendingUpToTodayAndWhatRemainsPerCategory() {
        DashboardResponse.Budget budget = answer(service(june()), UTC).budget();

        // groceries: 300.00 planned over June (10.00 a day, 15.00 moved onto today from later days: the month's
        // total is unchanged), spent 12.00 (3 June) + 25.00 (today) = 37.00; the 4.00 of 11 June is tomorrow's
        // dining: 150.00 planned, spent 3.00 today
        assertThat(budget.categories())
                .containsExactly(
                        new DashboardResponse.CategoryToDate("groceries", "300.00", "37.00", "263.00"),
                        new DashboardResponse.CategoryToDate("dining", "150.00", "3.00", "147.00"));
        assertThat(budget.planned()).isEqualTo("450.00");
        assertThat(budget.spent()).isEqualTo("40.00");
        assertThat(budget.remaining()).isEqualTo("410.00");
    }

    @Test
    void todayIsTheDateInTheCallersZone() {
        // 12:00 UTC on 10 June is already 11 June on Kiritimati (UTC+14)
        DashboardResponse answer = answer(service(june()), ZoneId.of("Pacific/Kiritimati"));

        assertThat(answer.today()).isEqualTo(LocalDate.of(2026, 6, 11));
        assertThat(answer.zone()).isEqualTo("Pacific/Kiritimati");
        // 11 June: groceries planned 9.25 (0.75 gone to 10 June), spent 4.00; dining 5.00 → 10.25
        assertThat(answer.budget().safeToSpendToday()).isEqualTo("10.25");
        assertThat(answer.budget().categories().get(0).spent()).isEqualTo("41.00");
        assertThat(calls).containsExactly("read " + user + " 2026-06-11");
    }

    @Test
    void aMonthWithoutPlanHasNoBudgetButEverythingElse() {
        DashboardResponse answer = answer(service(null), UTC);

        assertThat(answer.budget()).isNull();
        assertThat(answer.latestTransactions()).hasSize(1);
        assertThat(answer.nextGoals()).hasSize(1);
        assertThat(answer.habits()).hasSize(1);
    }

    @Test
    void everythingIsReadOnceForTheCallerAndTodayAndShownAsRead() {
        DashboardResponse answer = answer(service(june()), UTC);

        assertThat(calls).containsExactly("read " + user + " 2026-06-10");
        assertThat(answer.latestTransactions().get(0).amount()).isEqualTo("25.00");
        assertThat(answer.nextGoals().get(0).percent()).isEqualByComparingTo("25.0");
        assertThat(answer.habits().get(0).currentStreak()).isEqualTo(4);
    }

    @Test
    void aDayOutsideThePlannedMonthHasNothingSafeToSpend() {
        PlannedMonth june = june();

        assertThat(june.safeToSpend(LocalDate.of(2026, 7, 1))).isZero();
        assertThat(june.spentUpTo("groceries", LocalDate.of(2026, 5, 31))).isZero();
        assertThat(june.spentUpTo("groceries", LocalDate.of(2026, 7, 1)))
                .as("after the month: all of it")
                .isEqualTo(4_100);
    }

    private DashboardService service(PlannedMonth month) {
        return new DashboardService(
                (userId, day) -> {
                    calls.add("read " + userId + " " + day.today());
                    return Mono.just(BODY.renderedParts(
                            new DashboardParts(
                                    month,
                                    List.of(new DashboardTransaction(
                                            UUID.randomUUID(),
                                            "EXPENSE",
                                            "25.00",
                                            "EUR",
                                            "groceries",
                                            LocalDate.of(2026, 6, 10),
                                            null)),
                                    List.of(new DashboardGoal(
                                            UUID.randomUUID(),
                                            "Bike",
                                            "400.00",
                                            "EUR",
                                            LocalDate.of(2026, 9, 30),
                                            "100.00",
                                            "300.00",
                                            new BigDecimal("25.0"))),
                                    List.of(new DashboardHabit(
                                            UUID.randomUUID(), "Cook", "DAY", false, 4, 6, "PENDING"))),
                            day.today()));
                },
                BODY,
                TENTH_OF_JUNE);
    }

    /** The service's answer, its JSON read back. */
    private DashboardResponse answer(DashboardService service, ZoneId zone) {
        return JSON.readValue(service.dashboard(user, zone).block(), DashboardResponse.class);
    }

    /**
     * June 2026 after redistribution, today the 10th: groceries 10.00 a day, but 25.00 today (15.00 taken from
     * 11–30 June, 0.75 each); dining 5.00 a day. Spent: groceries 12.00 on the 3rd, 25.00 today, 4.00 tomorrow;
     * dining 3.00 today.
     */
    private static PlannedMonth june() {
        long[] groceries = filled(1_000);
        groceries[9] = 2_500;
        for (int day = 11; day <= 30; day++) {
            groceries[day - 1] = 925;
        }
        long[] groceriesSpent = new long[30];
        groceriesSpent[2] = 1_200;
        groceriesSpent[9] = 2_500;
        groceriesSpent[10] = 400;
        long[] diningSpent = new long[30];
        diningSpent[9] = 300;
        Map<String, long[]> planned = new LinkedHashMap<>();
        planned.put("groceries", groceries);
        planned.put("dining", filled(500));
        Map<String, long[]> spent = new LinkedHashMap<>();
        spent.put("groceries", groceriesSpent);
        spent.put("dining", diningSpent);
        return new PlannedMonth(JUNE, Currency.getInstance("EUR"), planned, spent);
    }

    private static long[] filled(long amount) {
        long[] days = new long[30];
        java.util.Arrays.fill(days, amount);
        return days;
    }
}
