package io.mita.budget.redistribution;

import static io.mita.budget.redistribution.CategoryRole.DISCRETIONARY;
import static io.mita.budget.redistribution.CategoryRole.ESSENTIAL;
import static io.mita.budget.redistribution.CategoryRole.FIXED_COMMITMENT;
import static io.mita.budget.redistribution.CategoryRole.SAVINGS;
import static io.mita.budget.redistribution.MoveReason.OVERSPENDING_COVERED_FROM_OTHER_CATEGORY;
import static io.mita.budget.redistribution.MoveReason.OVERSPENDING_COVERED_FROM_SAME_CATEGORY;
import static io.mita.budget.redistribution.MoveReason.UNDERSPENDING_ROLLED_FORWARD;
import static io.mita.budget.redistribution.RedistributionFixtures.aCategory;
import static io.mita.budget.redistribution.RedistributionFixtures.aLedger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedistributorTest {

    private static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final YearMonth FEBRUARY = YearMonth.of(2027, 2);

    private final Redistributor redistributor = new Redistributor();

    /** The example of docs/budget.md, "Worked example": every figure here is the one written there. */
    private static MonthLedger workedExample(long diningSpentToday, Set<CategoryRole> releasable) {
        return aLedger(
                JUNE,
                releasable,
                aCategory("dining", DISCRETIONARY, JUNE)
                        .plannedEveryDay(500)
                        .spentAsPlannedThrough(27)
                        .spent(25, 0)
                        .spent(28, diningSpentToday),
                aCategory("groceries", ESSENTIAL, JUNE)
                        .plannedEveryDay(1000)
                        .spentAsPlannedThrough(27)
                        .spent(26, 600)
                        .spent(27, 3500),
                aCategory("rent", FIXED_COMMITMENT, JUNE).planned(1, 80000).spent(1, 80000),
                aCategory("savings", SAVINGS, JUNE).planned(30, 30000));
    }

    private static Move move(String from, int fromDay, String to, int toDay, long amount, MoveReason reason) {
        return new Move(from, JUNE.atDay(fromDay), to, JUNE.atDay(toDay), amount, reason);
    }

    @Test
    void theWorkedExampleOfTheDocsRollsForwardThenCoversFromTheSameCategoryThenFromOthers() {
        RedistributionOutcome outcome = redistributor.redistribute(workedExample(2500, Set.of()), JUNE.atDay(28));

        assertThat(outcome.moves())
                .containsExactly(
                        move("dining", 25, "dining", 28, 167, UNDERSPENDING_ROLLED_FORWARD),
                        move("dining", 25, "dining", 29, 167, UNDERSPENDING_ROLLED_FORWARD),
                        move("dining", 25, "dining", 30, 166, UNDERSPENDING_ROLLED_FORWARD),
                        move("groceries", 26, "groceries", 28, 134, UNDERSPENDING_ROLLED_FORWARD),
                        move("groceries", 26, "groceries", 29, 133, UNDERSPENDING_ROLLED_FORWARD),
                        move("groceries", 26, "groceries", 30, 133, UNDERSPENDING_ROLLED_FORWARD),
                        move("groceries", 28, "groceries", 27, 834, OVERSPENDING_COVERED_FROM_SAME_CATEGORY),
                        move("groceries", 29, "groceries", 27, 833, OVERSPENDING_COVERED_FROM_SAME_CATEGORY),
                        move("groceries", 30, "groceries", 27, 833, OVERSPENDING_COVERED_FROM_SAME_CATEGORY),
                        move("dining", 29, "dining", 28, 667, OVERSPENDING_COVERED_FROM_SAME_CATEGORY),
                        move("dining", 30, "dining", 28, 666, OVERSPENDING_COVERED_FROM_SAME_CATEGORY),
                        move("groceries", 29, "dining", 28, 250, OVERSPENDING_COVERED_FROM_OTHER_CATEGORY),
                        move("groceries", 30, "dining", 28, 250, OVERSPENDING_COVERED_FROM_OTHER_CATEGORY));
        assertThat(outcome.shortfall()).isZero();
        assertThat(outcome.balanced()).isTrue();

        CategoryMonth dining = outcome.after().category("dining");
        assertThat(dining.plannedOn(24)).isEqualTo(500);
        assertThat(dining.plannedOn(25)).isZero();
        assertThat(dining.plannedOn(28)).isEqualTo(2500);
        assertThat(dining.plannedOn(29)).isZero();
        assertThat(dining.plannedOn(30)).isZero();
        assertThat(dining.plannedTotal()).isEqualTo(15500);
        CategoryMonth groceries = outcome.after().category("groceries");
        assertThat(groceries.plannedOn(25)).isEqualTo(1000);
        assertThat(groceries.plannedOn(26)).isEqualTo(600);
        assertThat(groceries.plannedOn(27)).isEqualTo(3500);
        assertThat(groceries.plannedOn(28)).isEqualTo(300);
        assertThat(groceries.plannedOn(29)).isEqualTo(50);
        assertThat(groceries.plannedOn(30)).isEqualTo(50);
        assertThat(groceries.plannedTotal()).isEqualTo(29500);
        assertThat(outcome.after().category("rent"))
                .isEqualTo(workedExample(2500, Set.of()).category("rent"));
        assertThat(outcome.after().category("savings"))
                .isEqualTo(workedExample(2500, Set.of()).category("savings"));
        assertThat(outcome.after().plannedTotal()).isEqualTo(15000 + 30000 + 80000 + 30000);
    }

    @Test
    void theWorkedExampleReportsAShortfallWhenSavingsAreNotReleased() {
        RedistributionOutcome outcome = redistributor.redistribute(workedExample(4000, Set.of()), JUNE.atDay(28));

        assertThat(outcome.shortfall()).isEqualTo(1400);
        assertThat(outcome.balanced()).isFalse();
        CategoryMonth dining = outcome.after().category("dining");
        assertThat(dining.plannedOn(28)).isEqualTo(4000 - 1400);
        assertThat(outcome.after().category("groceries").plannedOn(29)).isZero();
        assertThat(outcome.after().category("groceries").plannedOn(30)).isZero();
        assertThat(outcome.after().category("savings").plannedOn(30)).isEqualTo(30000);
        assertThat(outcome.moves()).noneMatch(move -> move.fromCategory().equals("savings"));
    }

    @Test
    void theWorkedExampleTakesFromSavingsLastWhenTheUserReleasedThem() {
        RedistributionOutcome outcome =
                redistributor.redistribute(workedExample(4000, Set.of(SAVINGS)), JUNE.atDay(28));

        assertThat(outcome.shortfall()).isZero();
        assertThat(outcome.moves())
                .last()
                .isEqualTo(move("savings", 30, "dining", 28, 1400, OVERSPENDING_COVERED_FROM_OTHER_CATEGORY));
        assertThat(outcome.after().category("savings").plannedOn(30)).isEqualTo(30000 - 1400);
        assertThat(outcome.after().category("dining").plannedOn(28)).isEqualTo(4000);
    }

    @Test
    void runningAgainOnTheOutcomeMovesNothing() {
        RedistributionOutcome first = redistributor.redistribute(workedExample(4000, Set.of()), JUNE.atDay(28));

        RedistributionOutcome second = redistributor.redistribute(first.after(), JUNE.atDay(28));

        assertThat(second.moves()).isEmpty();
        assertThat(second.after()).isEqualTo(first.after());
        assertThat(second.shortfall()).isEqualTo(first.shortfall());
    }

    @Test
    void theOrderOfTheCategoriesInTheLedgerChangesNothing() {
        MonthLedger ledger = workedExample(2500, Set.of());
        List<CategoryMonth> reversed = new ArrayList<>(ledger.categories());
        Collections.reverse(reversed);

        RedistributionOutcome straight = redistributor.redistribute(ledger, JUNE.atDay(28));
        RedistributionOutcome backwards =
                redistributor.redistribute(new MonthLedger(JUNE, reversed, Set.of()), JUNE.atDay(28));

        assertThat(backwards.moves()).isEqualTo(straight.moves());
        assertThat(backwards.after().categories())
                .containsExactlyElementsOf(reversed.stream()
                        .map(category -> straight.after().category(category.category()))
                        .toList());
    }

    @Test
    void aDeficitTakesFromTheLaterDaysOfItsCategoryProportionallyToTheirPlans() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .spent(10, 100)
                        .planned(20, 100)
                        .planned(21, 300));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        assertThat(outcome.moves())
                .containsExactly(
                        new Move(
                                "dining",
                                FEBRUARY.atDay(20),
                                "dining",
                                FEBRUARY.atDay(10),
                                25,
                                OVERSPENDING_COVERED_FROM_SAME_CATEGORY),
                        new Move(
                                "dining",
                                FEBRUARY.atDay(21),
                                "dining",
                                FEBRUARY.atDay(10),
                                75,
                                OVERSPENDING_COVERED_FROM_SAME_CATEGORY));
    }

    @Test
    void theUnitsLeftAfterRoundingDownGoToTheLargestRemaindersAndTiesToTheEarlierDay() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .spent(10, 2)
                        .planned(15, 1)
                        .planned(16, 1)
                        .planned(17, 1));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        assertThat(outcome.moves()).extracting(Move::fromDay).containsExactly(FEBRUARY.atDay(15), FEBRUARY.atDay(16));
        assertThat(outcome.after().category("dining").plannedOn(17)).isEqualTo(1);
    }

    @Test
    void todaysDeficitTakesOnlyFromTheDaysAfterToday() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .plannedEveryDay(100)
                        .spentAsPlannedThrough(9)
                        .spent(10, 250));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        assertThat(outcome.moves()).allSatisfy(move -> {
            assertThat(move.fromDay()).isAfter(FEBRUARY.atDay(10));
            assertThat(move.toDay()).isEqualTo(FEBRUARY.atDay(10));
        });
        CategoryMonth dining = outcome.after().category("dining");
        assertThat(dining.plannedOn(10)).isEqualTo(250);
        for (int day = 11; day <= 16; day++) {
            assertThat(dining.plannedOn(day)).as("day %d", day).isEqualTo(91);
        }
        for (int day = 17; day <= 28; day++) {
            assertThat(dining.plannedOn(day)).as("day %d", day).isEqualTo(92);
        }
    }

    @Test
    void aClosedDaysDeficitTakesFromTodayOnlyWhatTodayHasLeft() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .plannedEveryDay(100)
                        .spentAsPlannedThrough(9)
                        .spent(3, 150)
                        .spent(10, 30));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        CategoryMonth dining = outcome.after().category("dining");
        assertThat(dining.plannedOn(3)).isEqualTo(150);
        assertThat(dining.plannedOn(10)).isEqualTo(100 - 2);
        for (int day = 11; day <= 22; day++) {
            assertThat(dining.plannedOn(day)).as("day %d", day).isEqualTo(97);
        }
        for (int day = 23; day <= 28; day++) {
            assertThat(dining.plannedOn(day)).as("day %d", day).isEqualTo(98);
        }
        assertThat(outcome.moves()).noneMatch(move -> move.fromDay().isBefore(FEBRUARY.atDay(10)));
    }

    @Test
    void otherCategoriesGiveDiscretionaryFirstThenEssentialThenByPriorityThenByName() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("health", ESSENTIAL, FEBRUARY).spent(10, 350),
                aCategory("b-fun", DISCRETIONARY, FEBRUARY).priority(2).planned(20, 100),
                aCategory("a-fun", DISCRETIONARY, FEBRUARY).priority(2).planned(20, 100),
                aCategory("groceries", ESSENTIAL, FEBRUARY).priority(0).planned(20, 100),
                aCategory("c-fun", DISCRETIONARY, FEBRUARY).priority(1).planned(20, 100));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        assertThat(outcome.moves())
                .extracting(Move::fromCategory, Move::amount)
                .containsExactly(
                        tuple("c-fun", 100L), tuple("a-fun", 100L), tuple("b-fun", 100L), tuple("groceries", 50L));
        assertThat(outcome.moves()).allMatch(move -> move.reason() == OVERSPENDING_COVERED_FROM_OTHER_CATEGORY);
        assertThat(outcome.after().category("groceries").plannedOn(20)).isEqualTo(50);
    }

    @Test
    void fixedCommitmentsAndSavingsGiveNothingUnlessReleasedAndThenFixedCommitmentsFirst() {
        RedistributionFixtures.CategoryBuilder[] categories = {
            aCategory("dining", DISCRETIONARY, FEBRUARY).spent(10, 300),
            aCategory("savings", SAVINGS, FEBRUARY).planned(28, 1000),
            aCategory("subscriptions", FIXED_COMMITMENT, FEBRUARY).planned(25, 200)
        };

        RedistributionOutcome nothingReleased =
                redistributor.redistribute(aLedger(FEBRUARY, Set.of(), categories), FEBRUARY.atDay(10));
        RedistributionOutcome savingsReleased =
                redistributor.redistribute(aLedger(FEBRUARY, Set.of(SAVINGS), categories), FEBRUARY.atDay(10));
        RedistributionOutcome bothReleased = redistributor.redistribute(
                aLedger(FEBRUARY, Set.of(SAVINGS, FIXED_COMMITMENT), categories), FEBRUARY.atDay(10));

        assertThat(nothingReleased.moves()).isEmpty();
        assertThat(nothingReleased.shortfall()).isEqualTo(300);
        assertThat(nothingReleased.after().category("dining").plannedOn(10)).isZero();
        assertThat(savingsReleased.moves())
                .extracting(Move::fromCategory, Move::amount)
                .containsExactly(tuple("savings", 300L));
        assertThat(bothReleased.moves())
                .extracting(Move::fromCategory, Move::amount)
                .containsExactly(tuple("subscriptions", 200L), tuple("savings", 100L));
    }

    @Test
    void aProtectedCategoryCoversItsOwnDeficitFromItsOwnLaterDays() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("rent", FIXED_COMMITMENT, FEBRUARY).planned(1, 800).spent(3, 800),
                aCategory("dining", DISCRETIONARY, FEBRUARY).plannedEveryDay(10));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        CategoryMonth rent = outcome.after().category("rent");
        assertThat(rent.plannedOn(1)).isZero();
        assertThat(rent.plannedOn(3)).isEqualTo(800);
        assertThat(rent.plannedTotal()).isEqualTo(800);
        assertThat(outcome.moves()).allMatch(move -> move.fromCategory().equals(move.toCategory()));
        assertThat(outcome.shortfall()).isZero();
    }

    @Test
    void aClosedUnderspentDayRollsForwardWithinItsCategoryAndNeverCoversAnotherCategory() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY).planned(5, 1000),
                aCategory("groceries", ESSENTIAL, FEBRUARY).spent(6, 400));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        CategoryMonth dining = outcome.after().category("dining");
        assertThat(dining.plannedOn(5)).isZero();
        for (int day = 10; day <= 21; day++) {
            assertThat(shareRolledTo(outcome, day)).as("rolled to day %d", day).isEqualTo(53);
        }
        for (int day = 22; day <= 28; day++) {
            assertThat(shareRolledTo(outcome, day)).as("rolled to day %d", day).isEqualTo(52);
        }
        assertThat(outcome.moves())
                .filteredOn(move -> move.fromDay().equals(FEBRUARY.atDay(5)))
                .allMatch(move -> move.reason() == UNDERSPENDING_ROLLED_FORWARD
                        && move.toCategory().equals("dining")
                        && !move.toDay().isBefore(FEBRUARY.atDay(10)));
        assertThat(outcome.moves())
                .filteredOn(move -> move.reason() == OVERSPENDING_COVERED_FROM_OTHER_CATEGORY)
                .allMatch(move -> move.toDay().equals(FEBRUARY.atDay(6))
                        && !move.fromDay().isBefore(FEBRUARY.atDay(10)))
                .extracting(Move::amount)
                .containsOnly(21L, 22L)
                .hasSize(19);
        assertThat(outcome.after().category("groceries").plannedOn(6)).isEqualTo(400);
        assertThat(outcome.shortfall()).isZero();
    }

    private static long shareRolledTo(RedistributionOutcome outcome, int day) {
        return outcome.moves().stream()
                .filter(move -> move.reason() == UNDERSPENDING_ROLLED_FORWARD
                        && move.toDay().equals(FEBRUARY.atDay(day)))
                .mapToLong(Move::amount)
                .sum();
    }

    @Test
    void underspendingRollsForwardProportionallyToThePlansOfTheOpenDays() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .planned(2, 90)
                        .spent(2, 30)
                        .planned(27, 100)
                        .planned(28, 200));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(3));

        assertThat(outcome.moves())
                .containsExactly(
                        new Move(
                                "dining",
                                FEBRUARY.atDay(2),
                                "dining",
                                FEBRUARY.atDay(27),
                                20,
                                UNDERSPENDING_ROLLED_FORWARD),
                        new Move(
                                "dining",
                                FEBRUARY.atDay(2),
                                "dining",
                                FEBRUARY.atDay(28),
                                40,
                                UNDERSPENDING_ROLLED_FORWARD));
        assertThat(outcome.after().category("dining").plannedOn(2)).isEqualTo(30);
    }

    @Test
    void theSurplusOfSeveralClosedDaysIsSplitOnceAndPairedWithTheOpenDaysInDateOrder() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .planned(1, 30)
                        .planned(2, 50)
                        .planned(3, 40)
                        .spent(3, 40)
                        .planned(25, 100)
                        .planned(26, 100)
                        .planned(27, 100)
                        .planned(28, 100));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(25));

        assertThat(outcome.moves())
                .extracting(
                        move -> move.fromDay().getDayOfMonth(),
                        move -> move.toDay().getDayOfMonth(),
                        Move::amount)
                .containsExactly(
                        tuple(1, 25, 20L), tuple(1, 26, 10L), tuple(2, 26, 10L), tuple(2, 27, 20L), tuple(2, 28, 20L));
        assertThat(outcome.moves()).allMatch(move -> move.reason() == UNDERSPENDING_ROLLED_FORWARD);
        CategoryMonth dining = outcome.after().category("dining");
        assertThat(dining.planned()).startsWith(0, 0, 40).endsWith(120, 120, 120, 120);
    }

    @Test
    void todaysUnderspendingStaysWhereItIs() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .plannedEveryDay(100)
                        .spentAsPlannedThrough(9));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        assertThat(outcome.moves()).isEmpty();
        assertThat(outcome.after()).isEqualTo(ledger);
    }

    @Test
    void everyDayIsOpenWhenTodayIsBeforeTheMonth() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .plannedEveryDay(100)
                        .spent(2, 100 + 26 * 2));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, LocalDate.of(2027, 1, 31));

        assertThat(outcome.moves()).hasSize(26).allSatisfy(move -> {
            assertThat(move.amount()).isEqualTo(2);
            assertThat(move.toDay()).isEqualTo(FEBRUARY.atDay(2));
        });
        assertThat(outcome.after().category("dining").plannedOn(1)).isEqualTo(100);
    }

    @Test
    void nothingMovesWhenTodayIsAfterTheMonthAndItsOverspendingIsAShortfall() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .plannedEveryDay(100)
                        .spent(5, 150),
                aCategory("groceries", ESSENTIAL, FEBRUARY).plannedEveryDay(100));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, LocalDate.of(2027, 3, 1));

        assertThat(outcome.moves()).isEmpty();
        assertThat(outcome.shortfall()).isEqualTo(50);
        assertThat(outcome.after()).isEqualTo(ledger);
    }

    @Test
    void aDeficitOnTheLastDayHasNoRemainingDaysAndIsAShortfall() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .plannedEveryDay(100)
                        .spentAsPlannedThrough(27)
                        .spent(28, 130),
                aCategory("groceries", ESSENTIAL, FEBRUARY).plannedEveryDay(100).spentAsPlannedThrough(27));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(28));

        assertThat(outcome.moves()).isEmpty();
        assertThat(outcome.shortfall()).isEqualTo(30);
    }

    @Test
    void amountsWhoseProductsExceedALongAreSplitExactly() {
        MonthLedger ledger = aLedger(
                FEBRUARY,
                aCategory("dining", DISCRETIONARY, FEBRUARY)
                        .spent(10, 5_000_000_000_000_000L)
                        .planned(20, 4_000_000_000_000_000L)
                        .planned(21, 3_000_000_000_000_000L));

        RedistributionOutcome outcome = redistributor.redistribute(ledger, FEBRUARY.atDay(10));

        assertThat(outcome.moves())
                .extracting(Move::amount)
                .containsExactly(2_857_142_857_142_857L, 2_142_857_142_857_143L);
        assertThat(outcome.shortfall()).isZero();
    }

    @Test
    void aMonthWithoutCategoriesMovesNothing() {
        RedistributionOutcome outcome =
                redistributor.redistribute(MonthLedger.of(FEBRUARY, List.of()), FEBRUARY.atDay(3));

        assertThat(outcome.moves()).isEmpty();
        assertThat(outcome.balanced()).isTrue();
    }

    @Test
    void aLedgerRefusesCategoriesOfTheWrongLength() {
        CategoryMonth june = aCategory("dining", DISCRETIONARY, JUNE).build();

        assertThatThrownBy(() -> MonthLedger.of(FEBRUARY, List.of(june)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category dining has 30 days but 2027-02 has 28");
    }

    @Test
    void aLedgerRefusesTheSameCategoryTwice() {
        CategoryMonth dining = aCategory("dining", DISCRETIONARY, FEBRUARY).build();

        assertThatThrownBy(() -> MonthLedger.of(FEBRUARY, List.of(dining, dining)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category dining appears twice");
    }

    @Test
    void aLedgerRefusesToReleaseARoleThatIsNotProtected() {
        assertThatThrownBy(() -> new MonthLedger(FEBRUARY, List.of(), Set.of(SAVINGS, DISCRETIONARY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DISCRETIONARY is always available");
    }

    @Test
    void aLedgerRefusesTotalsThatDoNotFitInALong() {
        CategoryMonth huge = aCategory("a", DISCRETIONARY, FEBRUARY)
                .planned(1, Long.MAX_VALUE / 2)
                .planned(2, Long.MAX_VALUE / 2)
                .build();
        CategoryMonth more =
                aCategory("b", DISCRETIONARY, FEBRUARY).planned(1, 10).build();

        assertThatThrownBy(() -> MonthLedger.of(FEBRUARY, List.of(huge, more)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the month's totals do not fit in minor units of a long");
    }

    @Test
    void aCategoryRefusesNegativeAmountsAndArraysOfDifferentLengths() {
        assertThatThrownBy(() -> new CategoryMonth("dining", DISCRETIONARY, 0, new long[] {1, -1}, new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category dining: planned of day 2 is negative: -1");
        assertThatThrownBy(() -> new CategoryMonth("dining", DISCRETIONARY, 0, new long[2], new long[] {-3, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category dining: spent of day 1 is negative: -3");
        assertThatThrownBy(() -> new CategoryMonth("dining", DISCRETIONARY, 0, new long[2], new long[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category dining: planned has 2 days but spent has 3");
    }

    @Test
    void aCategoryKeepsItsOwnCopiesOfTheArrays() {
        long[] planned = {1, 2};
        CategoryMonth dining = new CategoryMonth("dining", DISCRETIONARY, 0, planned, new long[2]);

        planned[0] = 99;
        dining.planned()[1] = 99;

        assertThat(dining.planned()).containsExactly(1, 2);
        assertThat(dining).isEqualTo(new CategoryMonth("dining", DISCRETIONARY, 0, new long[] {1, 2}, new long[2]));
    }

    @Test
    void aMoveRefusesAnAmountThatIsNotPositive() {
        assertThatThrownBy(() -> move("dining", 2, "dining", 1, 0, UNDERSPENDING_ROLLED_FORWARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a move carries a positive amount, got 0");
    }
}
