package io.mita.budget.habit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.habit.PeriodOutcome.Status;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants of {@link HabitEvaluation} over random habits, spending and marks (seeded, so a failure repeats),
 * each checked against a naive day-by-day recount rather than the evaluation's own arithmetic.
 */
class HabitEvaluationPropertiesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void periodsTileTheTrackedDaysAndStatusesAndStreaksFollowFromARecount(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 250; round++) {
            LocalDate startsOn = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
            LocalDate today = startsOn.plusDays(random.nextInt(120));
            HabitPeriod period = HabitPeriod.values()[random.nextInt(3)];
            boolean weekdaysOnly = random.nextBoolean();
            boolean checked = random.nextBoolean();
            HabitRule rule = new HabitRule(
                    checked ? "dining" : null,
                    checked ? HabitLimit.count(random.nextInt(4)) : null,
                    period,
                    weekdaysOnly,
                    startsOn);
            List<DailySpending> spending = new ArrayList<>();
            Set<LocalDate> marked = new HashSet<>();
            for (LocalDate day = startsOn.minusDays(10); !day.isAfter(today); day = day.plusDays(1)) {
                if (random.nextInt(3) == 0) {
                    spending.add(new DailySpending(day, 1 + random.nextInt(2), BigDecimal.ONE));
                }
                if (random.nextInt(3) == 0) {
                    marked.add(day);
                }
            }

            HabitProgress progress = HabitEvaluation.evaluate(rule, spending, marked, today);

            List<PeriodOutcome> periods = progress.periods();
            LocalDate expectedFrom = startsOn;
            for (int i = 0; i < periods.size(); i++) {
                PeriodOutcome outcome = periods.get(i);
                if (period == HabitPeriod.DAY && weekdaysOnly) {
                    while (isWeekend(expectedFrom)) {
                        expectedFrom = expectedFrom.plusDays(1);
                    }
                }
                assertThat(outcome.from())
                        .as("period %d starts where the last ended", i)
                        .isEqualTo(expectedFrom);
                assertThat(outcome.to()).isEqualTo(period.endOf(outcome.from()));
                long expenses = 0;
                int marks = 0;
                for (LocalDate day = outcome.from(); !day.isAfter(outcome.to()); day = day.plusDays(1)) {
                    if (weekdaysOnly && isWeekend(day)) {
                        continue;
                    }
                    LocalDate current = day;
                    expenses += spending.stream()
                            .filter(s -> s.day().equals(current))
                            .mapToLong(DailySpending::expenses)
                            .sum();
                    marks += marked.contains(day) ? 1 : 0;
                }
                boolean finished = outcome.to().isBefore(today);
                Status expected = checked
                        ? (expenses > rule.limit().maxCount() ? Status.MISSED : finished ? Status.KEPT : Status.PENDING)
                        : (marks > 0 ? Status.KEPT : finished ? Status.MISSED : Status.PENDING);
                assertThat(outcome.status()).as("period %s", outcome).isEqualTo(expected);
                assertThat(outcome.status() == Status.PENDING)
                        .isEqualTo(i == periods.size() - 1 && expected == Status.PENDING);
                expectedFrom = outcome.to().plusDays(1);
            }
            LocalDate lastTracked = today;
            while (period == HabitPeriod.DAY && weekdaysOnly && isWeekend(lastTracked)) {
                lastTracked = lastTracked.minusDays(1);
            }
            if (!lastTracked.isBefore(startsOn)) {
                assertThat(periods).as("periods up to today").isNotEmpty();
                assertThat(periods.get(periods.size() - 1).to()).isAfterOrEqualTo(lastTracked);
            }
            long kept = periods.stream().filter(p -> p.status() == Status.KEPT).count();
            long missed =
                    periods.stream().filter(p -> p.status() == Status.MISSED).count();
            assertThat(progress.kept()).isEqualTo(kept);
            assertThat(progress.missed()).isEqualTo(missed);
            int trailingKept = 0;
            for (int i = periods.size() - 1; i >= 0; i--) {
                Status status = periods.get(i).status();
                if (status == Status.PENDING) {
                    continue;
                }
                if (status != Status.KEPT) {
                    break;
                }
                trailingKept++;
            }
            assertThat(progress.currentStreak()).isEqualTo(trailingKept);
            assertThat(progress.longestStreak()).isGreaterThanOrEqualTo(progress.currentStreak());
            assertThat(progress.longestStreak()).isLessThanOrEqualTo(progress.kept());
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
