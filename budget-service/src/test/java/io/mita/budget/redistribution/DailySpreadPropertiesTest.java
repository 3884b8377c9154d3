package io.mita.budget.redistribution;

import static io.mita.budget.redistribution.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The invariants of {@link DailySpread} over random amounts, months and weekday weights. */
class DailySpreadPropertiesTest {

    record Case(long amount, YearMonth month, DailySpread spread) {}

    static Case aCase(SplittableRandom random) {
        YearMonth month = YearMonth.of(1990 + random.nextInt(130), 1 + random.nextInt(12));
        long amount = switch (random.nextInt(3)) {
            case 0 -> random.nextLong(0, 100);
            case 1 -> random.nextLong(0, 10_000_000);
            default -> random.nextLong(0, 1_000_000_000_000_000L);
        };
        if (random.nextInt(4) == 0) {
            return new Case(amount, month, DailySpread.even());
        }
        Map<DayOfWeek, Integer> weights = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextBoolean()) {
                weights.put(day, random.nextInt(4) == 0 ? 0 : random.nextInt(1, DailySpread.MAX_WEIGHT + 1));
            }
        }
        if (weights.size() == 7 && weights.values().stream().allMatch(weight -> weight == 0)) {
            weights.put(DayOfWeek.SUNDAY, 1);
        }
        return new Case(amount, month, DailySpread.byWeekday(weights));
    }

    @Test
    void theDaysAddUpToExactlyTheAmount() {
        forAll(DailySpreadPropertiesTest::aCase, input -> {
            long[] days = input.spread().spread(input.amount(), input.month());

            assertThat(days).hasSize(input.month().lengthOfMonth());
            long total = 0;
            for (long day : days) {
                assertThat(day).isNotNegative();
                total += day;
            }
            assertThat(total).isEqualTo(input.amount());
        });
    }

    @Test
    void everyDayGetsItsProportionalShareRoundedDownOrUp() {
        forAll(DailySpreadPropertiesTest::aCase, input -> {
            long[] days = input.spread().spread(input.amount(), input.month());
            BigInteger totalWeight = BigInteger.ZERO;
            for (int day = 1; day <= days.length; day++) {
                totalWeight = totalWeight.add(BigInteger.valueOf(weight(input, day)));
            }
            for (int day = 1; day <= days.length; day++) {
                BigInteger[] exact = BigInteger.valueOf(input.amount())
                        .multiply(BigInteger.valueOf(weight(input, day)))
                        .divideAndRemainder(totalWeight);
                long floor = exact[0].longValueExact();
                long ceiling = exact[1].signum() == 0 ? floor : floor + 1;
                assertThat(days[day - 1]).as("day %d", day).isBetween(floor, ceiling);
            }
        });
    }

    @Test
    void ofTwoDaysOfTheSameWeightTheEarlierNeverGetsLess() {
        forAll(DailySpreadPropertiesTest::aCase, input -> {
            long[] days = input.spread().spread(input.amount(), input.month());
            for (int day = 1; day <= days.length; day++) {
                for (int later = day + 1; later <= days.length; later++) {
                    if (weight(input, day) == weight(input, later)) {
                        assertThat(days[day - 1] - days[later - 1])
                                .as("day %d against day %d", day, later)
                                .isBetween(0L, 1L);
                    }
                }
            }
        });
    }

    @Test
    void theSameInputGivesTheSameDays() {
        forAll(
                DailySpreadPropertiesTest::aCase,
                input -> assertThat(input.spread().spread(input.amount(), input.month()))
                        .isEqualTo(input.spread().spread(input.amount(), input.month())));
    }

    private static long weight(Case input, int day) {
        return input.spread().weightOf(input.month().atDay(day).getDayOfWeek());
    }
}
