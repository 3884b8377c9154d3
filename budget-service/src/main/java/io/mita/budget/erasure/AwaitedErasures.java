package io.mita.budget.erasure;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * budget-service's one way to wait for a user's erasure: V9's SQL function {@code erasure_awaited(uuid)}. It takes
 * the erasure's advisory lock shared (the erasure takes it exclusively before it deletes: common-lib's
 * {@code PersonalDataErasure}), held until the caller's transaction ends, then reads the tombstone {@code erased_user}
 * with a snapshot taken after the wait. So a write about a user whose erasure is committing waits for it and is then
 * refused, and an erasure that starts later waits for the write and deletes it.
 *
 * <p>Two forms of the one function: {@link #CONDITION} inside a write's own statement (the stored dashboard's
 * upsert, a single statement that is its own transaction) and {@link #erasedOnceAwaited} as the first statement of a
 * transaction that does more (a receipt's expense). docs/decisions.md, "One way to wait for an erasure".
 */
@Component
public class AwaitedErasures {

    /** True when the user {@code :userId} was erased, after waiting for an erasure of the user now running. */
    public static final String CONDITION = "erasure_awaited(:userId)";

    static final String AWAIT = "SELECT " + CONDITION + " AS erased";

    private final DatabaseClient database;

    public AwaitedErasures(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Inside the caller's transaction (one round trip): waits for a running erasure of the user, then answers whether
     * the user was erased. The lock is held until the caller's transaction ends, so an erasure starting meanwhile
     * waits for the caller's work and deletes it.
     */
    public Mono<Boolean> erasedOnceAwaited(UUID userId) {
        return database.sql(AWAIT)
                .bind("userId", userId)
                .map(row -> row.get("erased", Boolean.class))
                .one();
    }
}
