package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link GoalAllocations} in table {@code goal_allocation}. */
@Component
class GoalAllocationRepository implements GoalAllocations {

    private final DatabaseClient database;

    GoalAllocationRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<GoalAllocation> find(UUID goalId) {
        return database.sql("SELECT * FROM goal_allocation WHERE goal_id = :goalId")
                .bind("goalId", goalId)
                .map(GoalAllocationRepository::read)
                .one();
    }

    @Override
    public Mono<GoalAllocation> save(GoalAllocation a) {
        return database.sql("""
                        INSERT INTO goal_allocation (goal_id, user_id, monthly_amount, currency, auto_transfer, updated_at)
                        VALUES (:goalId, :userId, :amount, :currency, :autoTransfer, :updatedAt)
                        ON CONFLICT (goal_id) DO UPDATE SET monthly_amount = EXCLUDED.monthly_amount,
                            currency = EXCLUDED.currency, auto_transfer = EXCLUDED.auto_transfer,
                            updated_at = EXCLUDED.updated_at""")
                .bind("goalId", a.goalId())
                .bind("userId", a.userId())
                .bind("amount", a.monthlyAmount())
                .bind("currency", a.currency())
                .bind("autoTransfer", a.autoTransfer())
                .bind("updatedAt", a.updatedAt())
                .fetch()
                .rowsUpdated()
                .thenReturn(a);
    }

    @Override
    public Mono<Void> delete(UUID goalId) {
        return database.sql("DELETE FROM goal_allocation WHERE goal_id = :goalId")
                .bind("goalId", goalId)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<List<BigDecimal>> othersOf(UUID userId, String currency, UUID goalId) {
        return database.sql("""
                        SELECT a.monthly_amount FROM goal_allocation a JOIN goal g ON g.id = a.goal_id
                        WHERE a.user_id = :userId AND a.currency = :currency AND a.goal_id <> :goalId
                          AND g.deleted_at IS NULL AND g.status <> 'COMPLETED'""")
                .bind("userId", userId)
                .bind("currency", currency)
                .bind("goalId", goalId)
                .map(row -> row.get("monthly_amount", BigDecimal.class))
                .all()
                .collectList();
    }

    @Override
    public Flux<UUID> usersWithTransfersDue(LocalDate month) {
        return database.sql("""
                        SELECT DISTINCT a.user_id FROM goal_allocation a JOIN goal g ON g.id = a.goal_id
                        WHERE a.auto_transfer AND g.deleted_at IS NULL AND g.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM goal_contribution c
                                          WHERE c.goal_id = a.goal_id AND c.transfer_month = :month)""")
                .bind("month", month)
                .map(row -> row.get("user_id", UUID.class))
                .all();
    }

    @Override
    public Flux<GoalAllocation> autoTransfersOf(UUID userId) {
        return database.sql("""
                        SELECT a.* FROM goal_allocation a JOIN goal g ON g.id = a.goal_id
                        WHERE a.user_id = :userId AND a.auto_transfer AND g.deleted_at IS NULL
                          AND g.status = 'ACTIVE'
                        ORDER BY g.created_at, g.id""")
                .bind("userId", userId)
                .map(GoalAllocationRepository::read)
                .all();
    }

    private static GoalAllocation read(io.r2dbc.spi.Readable row) {
        return new GoalAllocation(
                row.get("goal_id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("monthly_amount", BigDecimal.class),
                row.get("currency", String.class),
                Boolean.TRUE.equals(row.get("auto_transfer", Boolean.class)),
                row.get("updated_at", Instant.class));
    }
}
