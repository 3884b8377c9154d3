package io.mita.insights.projection;

import io.r2dbc.spi.Parameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projection tables. {@code projected_transaction} and {@code projected_plan} (or the rebuild's shadow
 * copies, {@link Tables#SHADOW}) hold the latest version of each transaction and plan; the aggregates (month
 * totals per category, the daily series, merchant statistics) are recomputed from {@code projected_transaction}
 * by one set of queries, for the keys an event touched ({@link #recomputeMonth}, {@link #recomputeMerchant}) or
 * for everybody ({@link #recomputeAll}): the live and the rebuilt state are the same function of the transactions.
 */
@Repository
public class ProjectionStore {

    /** Which copy of the latest-state tables a write goes to. */
    public enum Tables {
        LIVE("projected_transaction", "projected_plan"),
        SHADOW("rebuild_projected_transaction", "rebuild_projected_plan");

        final String transactions;
        final String plans;

        Tables(String transactions, String plans) {
            this.transactions = transactions;
            this.plans = plans;
        }
    }

    private static final String TRANSACTION_COLUMNS =
            "transaction_id, user_id, version, deleted, type, amount, currency, category, occurred_on, merchant";

    /** A newer version replaces the stored one, and only for the same user; anything else changes nothing. */
    private static final String TRANSACTION_UPSERT = """
            INSERT INTO %1$s (%2$s) VALUES %3$s
            ON CONFLICT (transaction_id) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted,
                type = EXCLUDED.type, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
                category = EXCLUDED.category, occurred_on = EXCLUDED.occurred_on, merchant = EXCLUDED.merchant
            WHERE %1$s.version < EXCLUDED.version AND %1$s.user_id = EXCLUDED.user_id""";

    private static final String PLAN_UPSERT = """
            INSERT INTO %1$s (user_id, month, version, currency, income, commitments_total, savings_target, allocations)
            VALUES (:user, :month, :version, :currency, :income, :commitments, :savings, CAST(:allocations AS jsonb))
            ON CONFLICT (user_id, month) DO UPDATE SET version = EXCLUDED.version, currency = EXCLUDED.currency,
                income = EXCLUDED.income, commitments_total = EXCLUDED.commitments_total,
                savings_target = EXCLUDED.savings_target, allocations = EXCLUDED.allocations
            WHERE %1$s.version < EXCLUDED.version""";

    private static final String MONTH_TOTALS = """
            INSERT INTO category_month_total (user_id, month, type, category, currency, total, transactions)
            SELECT user_id, to_char(occurred_on, 'YYYY-MM'), type, category, currency, sum(amount), count(*)
            FROM projected_transaction WHERE NOT deleted %s
            GROUP BY user_id, to_char(occurred_on, 'YYYY-MM'), type, category, currency""";

    private static final String DAILY_TOTALS = """
            INSERT INTO daily_total (user_id, day, type, currency, total, transactions)
            SELECT user_id, occurred_on, type, currency, sum(amount), count(*)
            FROM projected_transaction WHERE NOT deleted %s
            GROUP BY user_id, occurred_on, type, currency""";

    private static final String MERCHANT_STATS = """
            INSERT INTO merchant_stat (user_id, merchant, currency, transactions, total, first_on, last_on)
            SELECT user_id, lower(btrim(merchant)), currency, count(*), sum(amount), min(occurred_on), max(occurred_on)
            FROM projected_transaction
            WHERE NOT deleted AND type = 'EXPENSE' AND merchant IS NOT NULL AND btrim(merchant) <> '' %s
            GROUP BY user_id, lower(btrim(merchant)), currency""";

    private static final String IN_MONTH = "AND user_id = :user AND occurred_on >= :from AND occurred_on < :to";
    private static final String OF_MERCHANT =
            "AND user_id = :user AND lower(btrim(merchant)) = lower(btrim(:merchant))";

    private final DatabaseClient database;
    private final JsonMapper json;

    public ProjectionStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The stored state of a transaction, row-locked until the transaction ends; empty when none. */
    Mono<TransactionState> lockTransaction(UUID transactionId) {
        return database.sql("SELECT " + TRANSACTION_COLUMNS
                        + " FROM projected_transaction WHERE transaction_id = :id FOR UPDATE")
                .bind("id", transactionId)
                .map(row -> new TransactionState(
                        row.get("transaction_id", UUID.class),
                        row.get("user_id", UUID.class),
                        row.get("version", Long.class),
                        Boolean.TRUE.equals(row.get("deleted", Boolean.class)),
                        row.get("type", String.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("category", String.class),
                        row.get("occurred_on", LocalDate.class),
                        row.get("merchant", String.class)))
                .one();
    }

    /**
     * Writes the states in one statement; they must name distinct transactions. The values are bound at once
     * ({@code bindValues}): each {@code bind} call copies every binding made before it, so binding 500 rows of 10
     * values one by one cost seconds per statement and was most of a projection rebuild's time (bench/RESULTS.md,
     * "Projection rebuild").
     */
    public Mono<Long> upsertTransactions(Tables tables, List<TransactionState> states) {
        if (states.isEmpty()) {
            return Mono.just(0L);
        }
        StringBuilder values = new StringBuilder();
        Map<String, Object> bindings = new HashMap<>(states.size() * 14);
        for (int i = 0; i < states.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(:id%1$d, :user%1$d, :version%1$d, :deleted%1$d, :type%1$d, :amount%1$d, :currency%1$d, "
                            .formatted(i))
                    .append(":category%1$d, :on%1$d, :merchant%1$d)".formatted(i));
            TransactionState s = states.get(i);
            bindings.put("id" + i, s.transactionId());
            bindings.put("user" + i, s.userId());
            bindings.put("version" + i, s.version());
            bindings.put("deleted" + i, s.deleted());
            bindings.put("type" + i, s.type());
            bindings.put("amount" + i, s.amount());
            bindings.put("currency" + i, s.currency());
            bindings.put("category" + i, s.category());
            bindings.put("on" + i, s.occurredOn());
            bindings.put("merchant" + i, s.merchant() == null ? Parameters.in(String.class) : s.merchant());
        }
        return database.sql(TRANSACTION_UPSERT.formatted(tables.transactions, TRANSACTION_COLUMNS, values))
                .bindValues(bindings)
                .fetch()
                .rowsUpdated();
    }

    public Mono<Long> upsertPlan(Tables tables, PlanState plan) {
        Map<String, String> allocations = new TreeMap<>();
        plan.allocations().forEach((category, amount) -> allocations.put(category, amount.toPlainString()));
        return database.sql(PLAN_UPSERT.formatted(tables.plans))
                .bind("user", plan.userId())
                .bind("month", plan.month().toString())
                .bind("version", plan.version())
                .bind("currency", plan.currency())
                .bind("income", plan.income())
                .bind("commitments", plan.commitmentsTotal())
                .bind("savings", plan.savingsTarget())
                .bind("allocations", json.writeValueAsString(allocations))
                .fetch()
                .rowsUpdated();
    }

    /** The month totals and daily series of one user-month, from the live transactions. */
    Mono<Void> recomputeMonth(UUID user, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        return database.sql("DELETE FROM category_month_total WHERE user_id = :user AND month = :month")
                .bind("user", user)
                .bind("month", month.toString())
                .then()
                .then(inMonth(MONTH_TOTALS.formatted(IN_MONTH), user, from, to))
                .then(database.sql("DELETE FROM daily_total WHERE user_id = :user AND day >= :from AND day < :to")
                        .bind("user", user)
                        .bind("from", from)
                        .bind("to", to)
                        .then())
                .then(inMonth(DAILY_TOTALS.formatted(IN_MONTH), user, from, to));
    }

    private Mono<Void> inMonth(String sql, UUID user, LocalDate from, LocalDate to) {
        return database.sql(sql)
                .bind("user", user)
                .bind("from", from)
                .bind("to", to)
                .then();
    }

    /** The statistics of one user's merchant (as written in any case and spacing). */
    Mono<Void> recomputeMerchant(UUID user, String merchant) {
        return database.sql("DELETE FROM merchant_stat WHERE user_id = :user AND merchant = lower(btrim(:merchant))")
                .bind("user", user)
                .bind("merchant", merchant)
                .then()
                .then(database.sql(MERCHANT_STATS.formatted(OF_MERCHANT))
                        .bind("user", user)
                        .bind("merchant", merchant)
                        .then());
    }

    /**
     * Replaces the live latest-state tables with the shadow copies and recomputes every aggregate from them; call
     * inside one database transaction, so readers see the old state until it commits. Erased users
     * ({@code erased_user}) are left out: the topic's history still holds their events. {@code whileLiveLocked} runs
     * once the live tables are truncated, so under their exclusive lock: a live consumer's write that was not
     * committed by then waits for the swap and lands on the new tables; an error there rolls the whole swap back.
     */
    public Mono<Void> swapInShadowAndRecomputeAll(Mono<Void> whileLiveLocked) {
        return run("DELETE FROM rebuild_projected_transaction WHERE user_id IN (SELECT user_id FROM erased_user)")
                .then(run("DELETE FROM rebuild_projected_plan WHERE user_id IN (SELECT user_id FROM erased_user)"))
                .then(
                        run(
                                "TRUNCATE projected_transaction, projected_plan, category_month_total, daily_total, merchant_stat"))
                .then(whileLiveLocked)
                .then(run("INSERT INTO projected_transaction SELECT * FROM rebuild_projected_transaction"))
                .then(run("INSERT INTO projected_plan SELECT * FROM rebuild_projected_plan"))
                .then(run(MONTH_TOTALS.formatted("")))
                .then(run(DAILY_TOTALS.formatted("")))
                .then(run(MERCHANT_STATS.formatted("")))
                .then(run("TRUNCATE rebuild_projected_transaction, rebuild_projected_plan"));
    }

    public Mono<Void> clearShadow() {
        return run("TRUNCATE rebuild_projected_transaction, rebuild_projected_plan");
    }

    /** Every user-month that has transactions or a plan, due for its insights to be regenerated at {@code due}. */
    public Mono<Void> scheduleAllRefreshes(OffsetDateTime due) {
        return database.sql("""
                        INSERT INTO insight_refresh (user_id, month, due_at)
                        SELECT user_id, month, :due FROM category_month_total
                        UNION SELECT user_id, month, :due FROM projected_plan
                        ON CONFLICT (user_id, month) DO UPDATE SET changes = insight_refresh.changes + 1""").bind("due", due).then();
    }

    /**
     * Schedules the insights of a user-month to be regenerated at {@code due}; when they are scheduled already, the
     * time stays (the debounce does not restart) and the change is counted.
     */
    Mono<Void> scheduleRefresh(UUID user, YearMonth month, OffsetDateTime due) {
        return database.sql("""
                        INSERT INTO insight_refresh (user_id, month, due_at) VALUES (:user, :month, :due)
                        ON CONFLICT (user_id, month) DO UPDATE SET changes = insight_refresh.changes + 1""")
                .bind("user", user)
                .bind("month", month.toString())
                .bind("due", due)
                .then();
    }

    /** The allocations JSON of a plan row, read back. */
    public Map<String, BigDecimal> allocations(String allocationsJson) {
        Map<String, String> read = json.readValue(allocationsJson, new TypeReference<Map<String, String>>() {});
        Map<String, BigDecimal> allocations = new TreeMap<>();
        read.forEach((category, amount) -> allocations.put(category, new BigDecimal(amount)));
        return allocations;
    }

    private Mono<Void> run(String sql) {
        return database.sql(sql).then();
    }
}
