package io.mita.budget.redistribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Moves planned money between the day cells of a month so that overspent days are covered and the unspent plan of
 * finished days is not lost. Pure, stateless and thread-safe; the same ledger and day always give the same moves.
 *
 * <p>The rules (docs/budget.md, "Redistribution rules", says the same with a worked example):
 *
 * <ul>
 *   <li><b>Today</b> is the caller's current date in the user's time zone. A <b>closed day</b> is a day of the month
 *       before today; the <b>open days</b> are today and the days after it (all days are open when today is before
 *       the month, none when it is after). The <b>remaining days</b> of an overspent day are the open days after it.
 *   <li><b>What a day has left</b> is its plan minus its spending, never below 0.
 *   <li><b>Underspending rolls forward</b> first: every closed day whose plan exceeds its spending gives the
 *       difference to the open days of its own category. A category's whole surplus is split over its open days
 *       proportionally to their planned amounts (evenly when they are all 0); the moves pair the closed days with
 *       the receiving days in date order. Afterwards every closed day's plan equals its spending. With no open
 *       day left, nothing rolls.
 *   <li><b>Overspending is covered</b> next, day by day from day 1, categories by name within a day: a deficit
 *       (spending minus plan) takes from the remaining days of its own category, proportionally to what each has
 *       left; then from the remaining days of the other categories, one category after the other, ordered by role
 *       (discretionary, essential, fixed commitment, savings), then ascending priority, then name; fixed
 *       commitments and savings only when the ledger releases their role. A deficit never takes more than a day
 *       has left, so no day becomes overspent to cover another and no plan goes negative.
 *   <li><b>Closed days are never a source of cover</b>: they only move toward their own spending (an underspent one
 *       gives exactly its unspent part forward, an overspent one receives at most its deficit). That keeps the
 *       month's planned total unchanged, which a closed day that refused cover could not.
 *   <li><b>Rounding</b>: every proportional split uses the largest remainder method in minor units, ties to the
 *       earlier day.
 *   <li><b>Shortfall</b>: whatever deficit is left when every allowed source is empty; the affected days keep a
 *       plan below their spending and the outcome reports the sum instead of inventing money.
 * </ul>
 *
 * <p>Running it again on its own {@link RedistributionOutcome#after()} for the same day moves nothing.
 */
public final class Redistributor {

    private static final Comparator<CategoryMonth> BY_NAME = Comparator.comparing(CategoryMonth::category);

    /** The order in which other categories are drawn from. */
    private static final Comparator<CategoryMonth> DRAWING_ORDER = Comparator.comparing(CategoryMonth::role)
            .thenComparingInt(CategoryMonth::priority)
            .thenComparing(CategoryMonth::category);

    /** Redistributes {@code ledger} as of {@code today}; see the class comment for the rules. */
    public RedistributionOutcome redistribute(MonthLedger ledger, LocalDate today) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(today, "today");
        return new Run(ledger, today).execute();
    }

    /** The mutable state of one run: working copies of the plans and scratch arrays, reused across the loops. */
    private static final class Run {

        private final MonthLedger ledger;
        private final int days;
        private final int firstOpen;
        private final LocalDate[] dates;
        /** Categories by name; indexes into {@link #planned} and {@link #spent}. */
        private final CategoryMonth[] categories;
        /** Index (into {@link #categories}) of the donors, in drawing order, allowed ones only. */
        private final int[] donors;

        private final long[][] planned;
        private final long[][] spent;
        private final long[] weights;
        private final long[] shares;
        private final long[] remainders;
        private final List<Move> moves;
        private long shortfall;

        Run(MonthLedger ledger, LocalDate today) {
            this.ledger = ledger;
            YearMonth month = ledger.month();
            this.days = month.lengthOfMonth();
            this.firstOpen = firstOpenIndex(month, today, days);
            this.dates = new LocalDate[days];
            for (int day = 0; day < days; day++) {
                dates[day] = month.atDay(day + 1);
            }
            this.categories = ledger.categories().toArray(CategoryMonth[]::new);
            Arrays.sort(categories, BY_NAME);
            int count = categories.length;
            this.planned = new long[count][];
            this.spent = new long[count][];
            for (int c = 0; c < count; c++) {
                planned[c] = categories[c].plannedView().clone();
                spent[c] = categories[c].spentView();
            }
            this.donors = donorsInDrawingOrder(categories, ledger);
            this.weights = new long[days];
            this.shares = new long[days];
            this.remainders = new long[days];
            this.moves = new ArrayList<>(count * days);
        }

        RedistributionOutcome execute() {
            for (int c = 0; c < categories.length; c++) {
                rollForward(c);
            }
            for (int day = 0; day < days; day++) {
                for (int c = 0; c < categories.length; c++) {
                    long deficit = spent[c][day] - planned[c][day];
                    if (deficit > 0) {
                        cover(c, day, deficit);
                    }
                }
            }
            List<CategoryMonth> after = new ArrayList<>(categories.length);
            for (CategoryMonth original : ledger.categories()) {
                int c = Arrays.binarySearch(categories, original, BY_NAME);
                after.add(original.withPlanned(planned[c]));
            }
            return new RedistributionOutcome(
                    new MonthLedger(ledger.month(), after, ledger.releasable()), moves, shortfall);
        }

        /**
         * Gives the unspent plan of a category's closed days to its open days. The category's whole surplus is
         * split once over the open days, proportionally to their plans (evenly when all are 0); the moves then
         * pair the closed days with the receiving days in date order (the earliest surplus fills the earliest
         * receiving day first), so a category has at most one move per closed day plus one per open day
         * instead of one per pair.
         */
        private void rollForward(int c) {
            if (firstOpen == 0 || firstOpen >= days) {
                return;
            }
            long[] plan = planned[c];
            long[] spending = spent[c];
            long surplus = 0;
            for (int day = 0; day < firstOpen; day++) {
                long left = plan[day] - spending[day];
                if (left > 0) {
                    surplus += left;
                }
            }
            if (surplus == 0) {
                return;
            }
            long total = 0;
            for (int open = firstOpen; open < days; open++) {
                weights[open] = plan[open];
                total += plan[open];
            }
            if (total == 0) {
                for (int open = firstOpen; open < days; open++) {
                    weights[open] = 1;
                }
                total = days - firstOpen;
            }
            LargestRemainder.split(surplus, weights, firstOpen, days, total, shares, remainders);
            String category = categories[c].category();
            int receiver = firstOpen;
            for (int day = 0; day < firstOpen; day++) {
                long give = plan[day] - spending[day];
                if (give <= 0) {
                    continue;
                }
                plan[day] -= give;
                while (give > 0) {
                    while (shares[receiver] == 0) {
                        receiver++;
                    }
                    long amount = Math.min(give, shares[receiver]);
                    shares[receiver] -= amount;
                    plan[receiver] += amount;
                    give -= amount;
                    moves.add(new Move(
                            category,
                            dates[day],
                            category,
                            dates[receiver],
                            amount,
                            MoveReason.UNDERSPENDING_ROLLED_FORWARD));
                }
            }
        }

        /** Covers the deficit of one day cell: own category first, then the donors in drawing order. */
        private void cover(int c, int day, long deficit) {
            int from = Math.max(day + 1, firstOpen);
            if (from >= days) {
                shortfall += deficit;
                return;
            }
            long left = deficit - take(c, c, day, from, deficit, MoveReason.OVERSPENDING_COVERED_FROM_SAME_CATEGORY);
            for (int i = 0; i < donors.length && left > 0; i++) {
                int donor = donors[i];
                if (donor != c) {
                    left -= take(donor, c, day, from, left, MoveReason.OVERSPENDING_COVERED_FROM_OTHER_CATEGORY);
                }
            }
            shortfall += left;
        }

        /**
         * Takes up to {@code wanted} from the days {@code [from, days)} of {@code donor}, proportionally to what
         * each has left, and gives it to day {@code day} of {@code receiver}; returns what it took.
         */
        private long take(int donor, int receiver, int day, int from, long wanted, MoveReason reason) {
            long[] plan = planned[donor];
            long[] spending = spent[donor];
            long available = 0;
            for (int source = from; source < days; source++) {
                long left = plan[source] - spending[source];
                long weight = left > 0 ? left : 0;
                weights[source] = weight;
                available += weight;
            }
            if (available == 0) {
                return 0;
            }
            long taken = Math.min(wanted, available);
            LargestRemainder.split(taken, weights, from, days, available, shares, remainders);
            String fromCategory = categories[donor].category();
            String toCategory = categories[receiver].category();
            for (int source = from; source < days; source++) {
                long share = shares[source];
                if (share > 0) {
                    plan[source] -= share;
                    moves.add(new Move(fromCategory, dates[source], toCategory, dates[day], share, reason));
                }
            }
            planned[receiver][day] += taken;
            return taken;
        }

        private static int firstOpenIndex(YearMonth month, LocalDate today, int days) {
            YearMonth current = YearMonth.from(today);
            if (current.isBefore(month)) {
                return 0;
            }
            if (current.isAfter(month)) {
                return days;
            }
            return today.getDayOfMonth() - 1;
        }

        private static int[] donorsInDrawingOrder(CategoryMonth[] byName, MonthLedger ledger) {
            CategoryMonth[] ordered = byName.clone();
            Arrays.sort(ordered, DRAWING_ORDER);
            int[] indexes = new int[ordered.length];
            int count = 0;
            for (CategoryMonth candidate : ordered) {
                if (!candidate.role().isProtected() || ledger.releasable().contains(candidate.role())) {
                    indexes[count++] = Arrays.binarySearch(byName, candidate, BY_NAME);
                }
            }
            return Arrays.copyOf(indexes, count);
        }
    }
}
