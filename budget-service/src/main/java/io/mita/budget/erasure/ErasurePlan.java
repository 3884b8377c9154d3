package io.mita.budget.erasure;

import io.mita.budget.inbound.UserErased;
import io.mita.common.erasure.UserDataErasurePlan;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What budget-service deletes about a user whose account was erased ({@code mita.auth.user.erased.v1}): every row;
 * nothing is anonymised and kept, the budget is the user's alone. The statements run in an order the foreign keys
 * accept (claims before the transactions they point at, allocations and contributions before their goals; moves
 * and habit marks cascade). The user's outbox events go too, published or not: nothing about the user is sent
 * after the erasure. So do the stored dashboard and the data version (V8); the version is not bumped again by the
 * erasure's own deletions (the bump at COMMIT skips tombstoned users).
 *
 * <p>common-lib runs the plan ({@code io.mita.common.erasure}): its listener reads {@code mita.auth.v1} in the group
 * {@code budget-service-user-erasure}, takes the user's lock, deletes, writes the tombstone {@code erased_user} (V7)
 * and the processed-event row in one transaction; from then on the user's still-valid access tokens answer 401
 * {@code AUTH_ACCOUNT_ERASED} and a {@code receipt.confirmed} about the user creates nothing. Table of all
 * services: docs/auth.md, "What each service does with {@code user.erased}".
 */
@Configuration(proxyBeanMethods = false)
class ErasurePlan {

    static final String CONSUMER = "budget-user-erasure";

    static final List<String> STATEMENTS = List.of(
            "DELETE FROM idempotency_key WHERE user_id = :userId",
            "DELETE FROM receipt_inbox WHERE user_id = :userId",
            "DELETE FROM transaction WHERE user_id = :userId",
            "DELETE FROM goal_allocation WHERE user_id = :userId",
            "DELETE FROM goal_contribution WHERE user_id = :userId"
                    + " OR goal_id IN (SELECT id FROM goal WHERE user_id = :userId)",
            "DELETE FROM goal WHERE user_id = :userId",
            "DELETE FROM habit WHERE user_id = :userId",
            "DELETE FROM redistribution_run WHERE user_id = :userId",
            "DELETE FROM month_allocation WHERE user_id = :userId",
            "DELETE FROM threshold_reached WHERE user_id = :userId",
            "DELETE FROM budget_plan WHERE user_id = :userId",
            "DELETE FROM category WHERE user_id = :userId",
            "DELETE FROM stored_dashboard WHERE user_id = :userId",
            "DELETE FROM dashboard_data_version WHERE user_id = :userId",
            "DELETE FROM outbox_event WHERE subject = CAST(:userId AS VARCHAR)");

    @Bean
    UserDataErasurePlan userDataErasurePlan() {
        return new UserDataErasurePlan(CONSUMER, UserErased.TYPE, STATEMENTS);
    }
}
