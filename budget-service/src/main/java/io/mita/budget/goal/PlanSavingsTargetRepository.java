package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link PlanSavingsTargets} read from table {@code budget_plan} (owned by the plan feature, V2): the plan's
 * currency and {@code savings_target_minor}. Decision: goals read the two columns with their own query rather
 * than through the plan feature's types, which are package-private there; the row lock is the same one the
 * plan feature takes for every change of a month (SELECT .. FOR UPDATE).
 */
@Component
class PlanSavingsTargetRepository implements PlanSavingsTargets {

    private final DatabaseClient database;

    PlanSavingsTargetRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<SavingsTarget> lock(UUID userId, YearMonth month) {
        return database.sql("SELECT currency, savings_target_minor FROM budget_plan"
                        + " WHERE user_id = :userId AND month = :month FOR UPDATE")
                .bind("userId", userId)
                .bind("month", month.atDay(1))
                .map(row -> {
                    Currency currency = Currency.getInstance(row.get("currency", String.class));
                    long minor = row.get("savings_target_minor", Long.class);
                    return new SavingsTarget(
                            month, currency, BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()));
                })
                .one();
    }
}
