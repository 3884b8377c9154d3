package io.mita.insights.projection;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The users whose account was erased ({@code erased_user}) and the per-user lock that orders a projection change
 * against an erasure: a change takes it shared, the erasure exclusively (transaction-scoped advisory locks), so
 * whichever commits second sees the other's work.
 */
@Repository
public class ErasedUsers {

    /** The erasure's statement (bind {@code :userId}). */
    public static final String LOCK_EXCLUSIVE =
            "SELECT pg_advisory_xact_lock(hashtextextended(CAST(:userId AS text), 0))";

    private static final String LOCK_SHARED =
            "SELECT pg_advisory_xact_lock_shared(hashtextextended(CAST(:userId AS text), 0))";

    private final DatabaseClient database;

    ErasedUsers(DatabaseClient database) {
        this.database = database;
    }

    /** Inside the caller's transaction: waits for a running erasure of the user, then answers whether there was one. */
    Mono<Boolean> lockAndCheck(UUID userId) {
        return database.sql(LOCK_SHARED)
                .bind("userId", userId)
                .then()
                .then(database.sql("SELECT EXISTS (SELECT 1 FROM erased_user WHERE user_id = :userId) AS erased")
                        .bind("userId", userId)
                        .map(row -> row.get("erased", Boolean.class))
                        .one());
    }
}
