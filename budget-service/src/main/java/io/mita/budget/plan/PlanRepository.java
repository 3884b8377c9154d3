package io.mita.budget.plan;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Plans} in table {@code budget_plan}; commitments and allocations are JSONB (the plan is always read
 * and written whole). The optimistic lock is the {@code version} column, checked in the UPDATE itself.
 */
@Component
class PlanRepository implements Plans {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, user_id, month, currency, income_minor, savings_target_minor,"
            + " commitments::text AS commitments, allocations::text AS allocations, allow_over_allocation,"
            + " release_commitments, release_savings, created_at, updated_at, version";

    private final DatabaseClient database;

    PlanRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Plan> find(UUID userId, YearMonth month) {
        return select("", userId, month);
    }

    @Override
    public Mono<Plan> lock(UUID userId, YearMonth month) {
        return select(" FOR UPDATE", userId, month);
    }

    private Mono<Plan> select(String suffix, UUID userId, YearMonth month) {
        return database.sql(
                        "SELECT " + COLUMNS + " FROM budget_plan WHERE user_id = :userId AND month = :month" + suffix)
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .map(PlanRepository::plan)
                .one();
    }

    @Override
    public Mono<Plan> insert(Plan plan) {
        return database.sql("""
                        INSERT INTO budget_plan (id, user_id, month, currency, income_minor, savings_target_minor,
                            commitments, allocations, allow_over_allocation, release_commitments, release_savings,
                            created_at, updated_at, version)
                        VALUES (:id, :userId, :month, :currency, :income, :savings, CAST(:commitments AS jsonb),
                            CAST(:allocations AS jsonb), :allowOver, :releaseCommitments, :releaseSavings,
                            :createdAt, :updatedAt, 0)
                        ON CONFLICT (user_id, month) DO NOTHING""")
                .bind("id", plan.id())
                .bind("userId", plan.userId())
                .bind("month", plan.month().atDay(1))
                .bind("currency", plan.currency().getCurrencyCode())
                .bind("income", plan.income())
                .bind("savings", plan.savingsTarget())
                .bind("commitments", JSON.writeValueAsString(plan.commitments()))
                .bind("allocations", JSON.writeValueAsString(plan.allocations()))
                .bind("allowOver", plan.allowOverAllocation())
                .bind("releaseCommitments", plan.releaseCommitments())
                .bind("releaseSavings", plan.releaseSavings())
                .bind("createdAt", plan.createdAt())
                .bind("updatedAt", plan.updatedAt())
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .map(rows -> withVersion(plan, 0L));
    }

    @Override
    public Mono<Plan> update(Plan plan) {
        return database.sql("""
                        UPDATE budget_plan SET currency = :currency, income_minor = :income,
                            savings_target_minor = :savings, commitments = CAST(:commitments AS jsonb),
                            allocations = CAST(:allocations AS jsonb), allow_over_allocation = :allowOver,
                            release_commitments = :releaseCommitments, release_savings = :releaseSavings,
                            updated_at = :updatedAt, version = version + 1
                        WHERE id = :id AND user_id = :userId AND version = :version""")
                .bind("currency", plan.currency().getCurrencyCode())
                .bind("income", plan.income())
                .bind("savings", plan.savingsTarget())
                .bind("commitments", JSON.writeValueAsString(plan.commitments()))
                .bind("allocations", JSON.writeValueAsString(plan.allocations()))
                .bind("allowOver", plan.allowOverAllocation())
                .bind("releaseCommitments", plan.releaseCommitments())
                .bind("releaseSavings", plan.releaseSavings())
                .bind("updatedAt", plan.updatedAt())
                .bind("id", plan.id())
                .bind("userId", plan.userId())
                .bind("version", plan.version())
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .map(rows -> withVersion(plan, plan.version() + 1));
    }

    private static Plan withVersion(Plan plan, long version) {
        return new Plan(
                plan.id(),
                plan.userId(),
                plan.month(),
                plan.currency(),
                plan.income(),
                plan.savingsTarget(),
                plan.commitments(),
                plan.allocations(),
                plan.allowOverAllocation(),
                plan.releaseCommitments(),
                plan.releaseSavings(),
                plan.createdAt(),
                plan.updatedAt(),
                version);
    }

    private static Plan plan(Readable row) {
        return new Plan(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                YearMonth.from(row.get("month", LocalDate.class)),
                Currency.getInstance(row.get("currency", String.class)),
                row.get("income_minor", Long.class),
                row.get("savings_target_minor", Long.class),
                JSON.readValue(row.get("commitments", String.class), new TypeReference<List<Plan.Commitment>>() {}),
                JSON.readValue(row.get("allocations", String.class), new TypeReference<List<Plan.Allocation>>() {}),
                Boolean.TRUE.equals(row.get("allow_over_allocation", Boolean.class)),
                Boolean.TRUE.equals(row.get("release_commitments", Boolean.class)),
                Boolean.TRUE.equals(row.get("release_savings", Boolean.class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("version", Long.class));
    }
}
