package io.mita.insights.erasure;

import io.mita.common.erasure.UserDataErasurePlan;
import io.mita.insights.inbound.UserErased;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What insights-service deletes about a user whose account was erased ({@code mita.auth.user.erased.v1}): insights
 * and their pending regenerations, the projections (live and the rebuild's shadow copies) and the user's outbox
 * events, published or not.
 *
 * <p>common-lib runs the plan ({@code io.mita.common.erasure}): its listener reads {@code mita.auth.v1} in the group
 * {@code insights-service-user-erasure}; in one transaction it takes the user's lock exclusively, deletes, and
 * records the user in {@code erased_user} (V3) with the processed-event row. A budget event applied at the same
 * moment (it takes the lock shared, {@code Projections}) is therefore deleted here or, after this commits, refused,
 * and a projection rebuild leaves the user out. The tombstone holds the random user id and a time only. Table of all
 * services: docs/auth.md, "What each service does with {@code user.erased}".
 */
@Configuration(proxyBeanMethods = false)
class ErasurePlan {

    static final String CONSUMER = "insights-user-erasure";

    static final List<String> STATEMENTS = List.of(
            "DELETE FROM insight_refresh WHERE user_id = :userId",
            "DELETE FROM insight WHERE user_id = :userId",
            "DELETE FROM category_month_total WHERE user_id = :userId",
            "DELETE FROM daily_total WHERE user_id = :userId",
            "DELETE FROM merchant_stat WHERE user_id = :userId",
            "DELETE FROM projected_transaction WHERE user_id = :userId",
            "DELETE FROM projected_plan WHERE user_id = :userId",
            "DELETE FROM rebuild_projected_transaction WHERE user_id = :userId",
            "DELETE FROM rebuild_projected_plan WHERE user_id = :userId",
            "DELETE FROM outbox_event WHERE subject = CAST(:userId AS VARCHAR)");

    @Bean
    UserDataErasurePlan userDataErasurePlan() {
        return new UserDataErasurePlan(CONSUMER, UserErased.TYPE, STATEMENTS);
    }
}
