package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link GoalContributions} in table {@code goal_contribution}. A concurrent duplicate of an Idempotency-Key
 * (two goals, one key, at the same moment) fails on the unique index {@code goal_contribution_idempotency}
 * and rolls its request back; the same key on one goal never gets that far, because the goal's row lock
 * puts the second request after the first.
 */
@Component
class GoalContributionRepository implements GoalContributions {

    private static final String COLUMNS =
            "id, goal_id, user_id, amount, currency, note, source, idempotency_key, request_hash, transfer_month, created_at";

    private final DatabaseClient database;

    GoalContributionRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<GoalContribution> insert(GoalContribution c) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "INSERT INTO goal_contribution (" + COLUMNS
                                + ") VALUES (:id, :goalId, :userId, :amount, :currency, :note, :source, :key, :hash, :transferMonth, :createdAt)")
                .bind("id", c.id())
                .bind("goalId", c.goalId())
                .bind("userId", c.userId())
                .bind("amount", c.amount())
                .bind("currency", c.currency())
                .bind("source", c.source().name())
                .bind("createdAt", c.createdAt());
        insert = c.note() == null ? insert.bindNull("note", String.class) : insert.bind("note", c.note());
        insert = c.idempotencyKey() == null
                ? insert.bindNull("key", String.class)
                : insert.bind("key", c.idempotencyKey());
        insert = c.requestHash() == null ? insert.bindNull("hash", String.class) : insert.bind("hash", c.requestHash());
        insert = c.transferMonth() == null
                ? insert.bindNull("transferMonth", LocalDate.class)
                : insert.bind("transferMonth", c.transferMonth());
        return insert.fetch().rowsUpdated().thenReturn(c);
    }

    @Override
    public Mono<GoalContribution> findByKey(UUID userId, String idempotencyKey) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM goal_contribution WHERE user_id = :userId AND idempotency_key = :key")
                .bind("userId", userId)
                .bind("key", idempotencyKey)
                .map(GoalContributionRepository::read)
                .one();
    }

    @Override
    public Mono<GoalContribution> transferOf(UUID goalId, LocalDate month) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM goal_contribution WHERE goal_id = :goalId AND transfer_month = :month")
                .bind("goalId", goalId)
                .bind("month", month)
                .map(GoalContributionRepository::read)
                .one();
    }

    @Override
    public Flux<GoalContribution> history(UUID goalId) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM goal_contribution WHERE goal_id = :goalId ORDER BY created_at DESC, id DESC")
                .bind("goalId", goalId)
                .map(GoalContributionRepository::read)
                .all();
    }

    private static GoalContribution read(io.r2dbc.spi.Readable row) {
        return new GoalContribution(
                row.get("id", UUID.class),
                row.get("goal_id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                row.get("note", String.class),
                ContributionSource.valueOf(row.get("source", String.class)),
                row.get("idempotency_key", String.class),
                row.get("request_hash", String.class),
                row.get("transfer_month", LocalDate.class),
                row.get("created_at", Instant.class));
    }
}
