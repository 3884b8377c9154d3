package io.mita.budget.redistribution;

import static io.mita.budget.redistribution.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The invariants of issue 9 over random months (28–31 days), plans, spending, released roles and days. */
class RedistributorPropertiesTest {

    private final Redistributor redistributor = new Redistributor();

    /** One generated case: a ledger and the day the run is for. */
    record Case(MonthLedger ledger, LocalDate today) {

        int days() {
            return ledger.month().lengthOfMonth();
        }

        /** Index of the first open day: 0 when today is before the month, {@link #days()} when after it. */
        int firstOpen() {
            YearMonth current = YearMonth.from(today);
            if (current.isBefore(ledger.month())) {
                return 0;
            }
            if (current.isAfter(ledger.month())) {
                return days();
            }
            return today.getDayOfMonth() - 1;
        }

        boolean isOpen(LocalDate day) {
            return day.getDayOfMonth() - 1 >= firstOpen();
        }
    }

    static Case aCase(SplittableRandom random) {
        YearMonth month = YearMonth.of(1990 + random.nextInt(130), 1 + random.nextInt(12));
        int days = month.lengthOfMonth();
        int count = 1 + random.nextInt(8);
        List<CategoryMonth> categories = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            CategoryRole role = CategoryRole.values()[random.nextInt(4)];
            long[] planned = plan(random, days);
            long[] spent = spending(random, planned);
            categories.add(
                    new CategoryMonth("c" + random.nextInt(100) + "-" + c, role, random.nextInt(4), planned, spent));
        }
        Set<CategoryRole> releasable = EnumSet.noneOf(CategoryRole.class);
        if (random.nextBoolean()) {
            releasable.add(CategoryRole.SAVINGS);
        }
        if (random.nextBoolean()) {
            releasable.add(CategoryRole.FIXED_COMMITMENT);
        }
        LocalDate today = month.atDay(1).plusDays(random.nextInt(days + 6) - 3L);
        return new Case(new MonthLedger(month, categories, releasable), today);
    }

    private static long[] plan(SplittableRandom random, int days) {
        long[] planned = new long[days];
        switch (random.nextInt(5)) {
            case 0 -> {} // nothing planned
            case 1 -> Arrays.fill(planned, random.nextLong(0, 2_000));
            case 2 -> {
                for (int day = 0; day < days; day++) {
                    planned[day] = random.nextLong(0, 3_000);
                }
            }
            case 3 -> {
                for (int day = 0; day < days; day++) {
                    planned[day] = random.nextInt(10) == 0 ? random.nextLong(0, 100_000) : 0;
                }
            }
            default -> {
                for (int day = 0; day < days; day++) {
                    planned[day] = random.nextLong(0, 7);
                }
            }
        }
        return planned;
    }

    private static long[] spending(SplittableRandom random, long[] planned) {
        long[] spent = new long[planned.length];
        int percent = random.nextInt(80);
        for (int day = 0; day < planned.length; day++) {
            if (random.nextInt(100) < percent) {
                spent[day] = random.nextInt(20) == 0
                        ? random.nextLong(0, 1_000_000)
                        : random.nextLong(0, 2 * planned[day] + 500);
            }
        }
        return spent;
    }

    private RedistributionOutcome run(Case input) {
        return redistributor.redistribute(input.ledger(), input.today());
    }

    /** Guards the generator: the properties mean little if it never makes the cases they are about. */
    @Test
    void theGeneratedCasesReachEveryRule() {
        SplittableRandom random = new SplittableRandom(20261130L);
        int shortfalls = 0;
        int crossCategory = 0;
        int releasedGave = 0;
        int rolledForward = 0;
        int todayBefore = 0;
        int todayAfter = 0;
        for (int i = 0; i < PropertyCheck.TRIES; i++) {
            Case input = aCase(random);
            RedistributionOutcome outcome = run(input);
            shortfalls += outcome.balanced() ? 0 : 1;
            crossCategory += outcome.moves().stream()
                            .anyMatch(move -> move.reason() == MoveReason.OVERSPENDING_COVERED_FROM_OTHER_CATEGORY)
                    ? 1
                    : 0;
            releasedGave += outcome.moves().stream()
                            .anyMatch(move -> !move.fromCategory().equals(move.toCategory())
                                    && input.ledger()
                                            .category(move.fromCategory())
                                            .role()
                                            .isProtected())
                    ? 1
                    : 0;
            rolledForward +=
                    outcome.moves().stream().anyMatch(move -> move.reason() == MoveReason.UNDERSPENDING_ROLLED_FORWARD)
                            ? 1
                            : 0;
            todayBefore += input.firstOpen() == 0 ? 1 : 0;
            todayAfter += input.firstOpen() == input.days() ? 1 : 0;
        }
        int tenth = PropertyCheck.TRIES / 10;
        assertThat(shortfalls).as("cases with a shortfall").isGreaterThan(tenth);
        assertThat(crossCategory).as("cases covered by other categories").isGreaterThan(tenth);
        assertThat(releasedGave).as("cases where a released role gave").isPositive();
        assertThat(rolledForward).as("cases that rolled forward").isGreaterThan(tenth);
        assertThat(todayBefore).as("cases with today before the month").isPositive();
        assertThat(todayAfter).as("cases with today after the month").isPositive();
    }

    @Test
    void theMonthsPlannedTotalNeverChanges() {
        forAll(
                RedistributorPropertiesTest::aCase,
                input -> assertThat(run(input).after().plannedTotal())
                        .isEqualTo(input.ledger().plannedTotal()));
    }

    @Test
    void noPlanGoesNegativeAndSpendingIsNeverTouched() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            MonthLedger after = run(input).after();
            assertThat(after.categories()).hasSameSizeAs(input.ledger().categories());
            for (int c = 0; c < after.categories().size(); c++) {
                CategoryMonth before = input.ledger().categories().get(c);
                CategoryMonth now = after.categories().get(c);
                assertThat(now.category()).isEqualTo(before.category());
                assertThat(now.spent()).isEqualTo(before.spent());
                for (int day = 1; day <= input.days(); day++) {
                    assertThat(now.plannedOn(day))
                            .as("%s day %d", now.category(), day)
                            .isNotNegative();
                }
            }
        });
    }

    @Test
    void closedDaysAreNeverASourceOfCoverAndOnlyMoveTowardTheirOwnSpending() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome outcome = run(input);
            boolean anyOpenDay = input.firstOpen() < input.days();
            for (CategoryMonth before : input.ledger().categories()) {
                CategoryMonth after = outcome.after().category(before.category());
                for (int day = 1; day <= input.firstOpen(); day++) {
                    long planned = before.plannedOn(day);
                    long spent = before.spentOn(day);
                    long now = after.plannedOn(day);
                    if (!anyOpenDay) {
                        assertThat(now)
                                .as("%s day %d, no open day", before.category(), day)
                                .isEqualTo(planned);
                    } else if (planned > spent) {
                        assertThat(now)
                                .as("%s underspent day %d", before.category(), day)
                                .isEqualTo(spent);
                    } else {
                        assertThat(now).as("%s day %d", before.category(), day).isBetween(planned, spent);
                    }
                }
            }
            for (Move move : outcome.moves()) {
                if (move.reason() == MoveReason.UNDERSPENDING_ROLLED_FORWARD) {
                    assertThat(input.isOpen(move.fromDay()))
                            .as("rolled from %s", move)
                            .isFalse();
                    assertThat(input.isOpen(move.toDay()))
                            .as("rolled to %s", move)
                            .isTrue();
                    assertThat(move.toCategory()).isEqualTo(move.fromCategory());
                } else {
                    assertThat(input.isOpen(move.fromDay()))
                            .as("cover from %s", move)
                            .isTrue();
                    assertThat(move.fromDay()).as("cover %s", move).isAfter(move.toDay());
                }
            }
        });
    }

    @Test
    void anOpenDayGivesAtMostWhatItHasLeftAboveItsSpending() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome outcome = run(input);
            for (CategoryMonth before : input.ledger().categories()) {
                CategoryMonth after = outcome.after().category(before.category());
                for (int day = input.firstOpen() + 1; day <= input.days(); day++) {
                    if (after.plannedOn(day) < before.plannedOn(day)) {
                        assertThat(after.plannedOn(day))
                                .as("%s day %d gave", before.category(), day)
                                .isGreaterThanOrEqualTo(before.spentOn(day));
                    }
                }
            }
        });
    }

    @Test
    void theMovesExplainEveryChangeOfEveryDay() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome outcome = run(input);
            Map<String, long[]> net = new HashMap<>();
            for (CategoryMonth category : input.ledger().categories()) {
                net.put(category.category(), new long[input.days()]);
            }
            for (Move move : outcome.moves()) {
                assertThat(move.amount()).isPositive();
                assertThat(YearMonth.from(move.fromDay()))
                        .isEqualTo(input.ledger().month());
                assertThat(YearMonth.from(move.toDay()))
                        .isEqualTo(input.ledger().month());
                assertThat(move.fromCategory().equals(move.toCategory()))
                        .as("reason of %s", move)
                        .isEqualTo(move.reason() != MoveReason.OVERSPENDING_COVERED_FROM_OTHER_CATEGORY);
                net.get(move.fromCategory())[move.fromDay().getDayOfMonth() - 1] -= move.amount();
                net.get(move.toCategory())[move.toDay().getDayOfMonth() - 1] += move.amount();
            }
            for (CategoryMonth before : input.ledger().categories()) {
                CategoryMonth after = outcome.after().category(before.category());
                long[] change = net.get(before.category());
                for (int day = 1; day <= input.days(); day++) {
                    assertThat(after.plannedOn(day) - before.plannedOn(day))
                            .as("%s day %d", before.category(), day)
                            .isEqualTo(change[day - 1]);
                }
            }
        });
    }

    @Test
    void protectedCategoriesCoverOtherCategoriesOnlyWhenReleased() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome outcome = run(input);
            for (Move move : outcome.moves()) {
                CategoryRole role = input.ledger().category(move.fromCategory()).role();
                if (role.isProtected() && !input.ledger().releasable().contains(role)) {
                    assertThat(move.toCategory()).as("%s", move).isEqualTo(move.fromCategory());
                }
            }
            for (CategoryMonth before : input.ledger().categories()) {
                if (before.role().isProtected() && !input.ledger().releasable().contains(before.role())) {
                    assertThat(outcome.after().category(before.category()).plannedTotal())
                            .isGreaterThanOrEqualTo(before.plannedTotal());
                }
            }
        });
    }

    @Test
    void theSameInputGivesTheSameMovesWhateverTheOrderOfTheCategories() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome first = run(input);
            List<CategoryMonth> copies = new ArrayList<>();
            for (CategoryMonth category : input.ledger().categories()) {
                copies.add(new CategoryMonth(
                        category.category(),
                        category.role(),
                        category.priority(),
                        category.planned(),
                        category.spent()));
            }
            Collections.reverse(copies);
            MonthLedger again = new MonthLedger(
                    input.ledger().month(), copies, input.ledger().releasable());

            RedistributionOutcome second = redistributor.redistribute(again, input.today());
            RedistributionOutcome third = run(input);

            assertThat(second.moves()).isEqualTo(first.moves());
            assertThat(second.shortfall()).isEqualTo(first.shortfall());
            assertThat(third).isEqualTo(first);
        });
    }

    @Test
    void aShortfallIsExactlyTheOverspendingThatNoAllowedSourceCouldCover() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome outcome = run(input);
            MonthLedger after = outcome.after();
            long uncovered = 0;
            for (CategoryMonth category : after.categories()) {
                for (int day = 1; day <= input.days(); day++) {
                    long missing = category.spentOn(day) - category.plannedOn(day);
                    if (missing > 0) {
                        uncovered += missing;
                        assertNothingLeftToCover(input, after, category, day);
                    }
                }
            }
            assertThat(outcome.shortfall()).isEqualTo(uncovered);
            assertThat(outcome.balanced()).isEqualTo(uncovered == 0);
        });
    }

    /** Every day that could have covered {@code day} of {@code receiver} has nothing left above its spending. */
    private static void assertNothingLeftToCover(Case input, MonthLedger after, CategoryMonth receiver, int day) {
        int firstSource = Math.max(day + 1, input.firstOpen() + 1);
        for (CategoryMonth source : after.categories()) {
            boolean allowed = source == receiver
                    || !source.role().isProtected()
                    || input.ledger().releasable().contains(source.role());
            if (!allowed) {
                continue;
            }
            for (int later = firstSource; later <= input.days(); later++) {
                assertThat(source.plannedOn(later))
                        .as(
                                "%s day %d left while %s day %d is short",
                                source.category(), later, receiver.category(), day)
                        .isLessThanOrEqualTo(source.spentOn(later));
            }
        }
    }

    @Test
    void runningAgainOnTheOutcomeMovesNothing() {
        forAll(RedistributorPropertiesTest::aCase, input -> {
            RedistributionOutcome first = run(input);

            RedistributionOutcome second = redistributor.redistribute(first.after(), input.today());

            assertThat(second.moves()).isEmpty();
            assertThat(second.after()).isEqualTo(first.after());
            assertThat(second.shortfall()).isEqualTo(first.shortfall());
        });
    }
}
