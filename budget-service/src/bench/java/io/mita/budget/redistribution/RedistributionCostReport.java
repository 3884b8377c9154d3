package io.mita.budget.redistribution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What one redistribution run costs: time per user-month with 30 categories and 300 transactions, today in the
 * middle of the month, after a warm-up, in interleaved rounds against a baseline that only copies and sums the
 * same ledgers (the least any run must do). Prints Markdown for bench/RESULTS.md. Run by
 * bench/redistribution-cost.sh; arguments: [rounds] [runs-per-round] [warm-up-seconds].
 */
public final class RedistributionCostReport {

    private static final int CATEGORIES = 30;
    private static final int TRANSACTIONS = 300;
    private static final int LEDGERS = 64;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private RedistributionCostReport() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        YearMonth month = YearMonth.of(2026, 7);
        Scenario midMonth = new Scenario("today mid-month (16 July, transactions on 1–16 July)", month, 16, 16);
        Scenario lastDay = new Scenario("today the last day (31 July, transactions on 1–31 July)", month, 31, 31);
        List<Scenario> scenarios = List.of(midMonth, lastDay);
        Redistributor redistributor = new Redistributor();

        long movesTotal = 0;
        long shortfalls = 0;
        for (Scenario scenario : scenarios) {
            for (MonthLedger ledger : scenario.ledgers) {
                RedistributionOutcome outcome = redistributor.redistribute(ledger, scenario.today);
                movesTotal += outcome.moves().size();
                shortfalls += outcome.balanced() ? 0 : 1;
            }
        }

        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            for (Scenario scenario : scenarios) {
                measure(scenario, redistributor, 2_000, false);
                measure(scenario, redistributor, 2_000, true);
            }
        }

        System.out.printf(
                "Redistribution cost: %d categories, %d transactions per user-month, %d distinct ledgers per scenario,"
                        + " %d rounds of %,d runs per variant after %d s of warm-up; %s, %d CPUs, %s.%n%n",
                CATEGORIES,
                TRANSACTIONS,
                LEDGERS,
                rounds,
                runs,
                warmUpSeconds,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                "load average at start of rounds " + loadAverage());
        System.out.println(
                "| scenario | redistribution µs/run, wall | CPU µs/run | baseline (copy + sum) µs/run, wall | ratio (wall) | KB allocated/run | moves/run |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Scenario scenario : scenarios) {
            double[] wall = new double[rounds];
            double[] cpu = new double[rounds];
            double[] baseline = new double[rounds];
            double[] ratio = new double[rounds];
            double[] allocated = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                Measurement run = measure(scenario, redistributor, runs, false);
                Measurement copy = measure(scenario, redistributor, runs, true);
                wall[round] = run.wallMicros;
                cpu[round] = run.cpuMicros;
                allocated[round] = run.allocatedKb;
                baseline[round] = copy.wallMicros;
                ratio[round] = run.wallMicros / copy.wallMicros;
            }
            long moves = 0;
            for (MonthLedger ledger : scenario.ledgers) {
                moves += redistributor
                        .redistribute(ledger, scenario.today)
                        .moves()
                        .size();
            }
            System.out.printf(
                    "| %s | %s | %s | %s | %s | %.0f | %d |%n",
                    scenario.name,
                    spread(wall, "%.1f"),
                    spread(cpu, "%.1f"),
                    spread(baseline, "%.2f"),
                    spread(ratio, "%.0f×"),
                    median(allocated),
                    moves / scenario.ledgers.size());
        }
        System.out.printf(
                "%nMedian [min–max] over the rounds. Unbalanced ledgers (shortfall > 0): %d of %d. (sink %d, moves %d)%n",
                shortfalls, LEDGERS * scenarios.size(), sink, movesTotal);
    }

    private record Measurement(double wallMicros, double cpuMicros, double allocatedKb) {}

    private static Measurement measure(Scenario scenario, Redistributor redistributor, int runs, boolean baseline) {
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) THREADS;
        long threadId = Thread.currentThread().getId();
        long allocatedBefore = allocation.getThreadAllocatedBytes(threadId);
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        long checksum = 0;
        List<MonthLedger> ledgers = scenario.ledgers;
        for (int run = 0; run < runs; run++) {
            MonthLedger ledger = ledgers.get(run % ledgers.size());
            if (baseline) {
                checksum += copyAndSum(ledger);
            } else {
                checksum += redistributor
                        .redistribute(ledger, scenario.today)
                        .moves()
                        .size();
            }
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = allocation.getThreadAllocatedBytes(threadId) - allocatedBefore;
        sink += checksum;
        return new Measurement(wall / 1000.0 / runs, cpu / 1000.0 / runs, allocated / 1024.0 / runs);
    }

    /** The baseline: what any run must at least do, copy every category's plan and read all amounts once. */
    private static long copyAndSum(MonthLedger ledger) {
        long total = 0;
        for (CategoryMonth category : ledger.categories()) {
            long[] planned = category.planned();
            long[] spent = category.spent();
            for (int day = 0; day < planned.length; day++) {
                total += planned[day] - spent[day];
            }
        }
        return total;
    }

    /** Realistic user-months: 30 categories with monthly plans spread evenly, 300 transactions. */
    private static final class Scenario {
        final String name;
        final LocalDate today;
        final List<MonthLedger> ledgers = new ArrayList<>();

        Scenario(String name, YearMonth month, int today, int lastSpendingDay) {
            this.name = name;
            this.today = month.atDay(today);
            Random random = new Random(20261130L + today);
            int days = month.lengthOfMonth();
            for (int l = 0; l < LEDGERS; l++) {
                long[][] planned = new long[CATEGORIES][];
                long[][] spent = new long[CATEGORIES][days];
                CategoryRole[] roles = new CategoryRole[CATEGORIES];
                for (int c = 0; c < CATEGORIES; c++) {
                    roles[c] = c < 12
                            ? CategoryRole.DISCRETIONARY
                            : c < 25
                                    ? CategoryRole.ESSENTIAL
                                    : c < 28 ? CategoryRole.FIXED_COMMITMENT : CategoryRole.SAVINGS;
                    long monthly = 3_000 + random.nextInt(60_000);
                    planned[c] = DailySpread.even().spread(monthly, month);
                }
                for (int t = 0; t < TRANSACTIONS; t++) {
                    int c = random.nextInt(CATEGORIES);
                    int day = random.nextInt(lastSpendingDay);
                    long typical = Arrays.stream(planned[c]).sum() / days;
                    spent[c][day] += 100 + (long) (random.nextDouble() * typical * 3);
                }
                List<CategoryMonth> categories = new ArrayList<>(CATEGORIES);
                for (int c = 0; c < CATEGORIES; c++) {
                    categories.add(new CategoryMonth("category-" + c, roles[c], c % 3, planned[c], spent[c]));
                }
                Set<CategoryRole> releasable =
                        l % 2 == 0 ? EnumSet.of(CategoryRole.SAVINGS) : EnumSet.noneOf(CategoryRole.class);
                ledgers.add(new MonthLedger(month, categories, releasable));
            }
        }
    }

    private static String loadAverage() {
        return String.format(
                "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(format, median(values)) + " [" + String.format(format, sorted[0]) + "–"
                + String.format(format, sorted[sorted.length - 1]) + "]";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
