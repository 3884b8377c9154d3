package io.mita.common.erasure;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The people whose account was erased, as the service's table {@code erased_user} (a tombstone: the random user id
 * and a time, nothing else) records them, and the per-user lock that orders work about a user against the erasure:
 * the erasure takes it exclusively before it deletes ({@link UserDataErasure}), work that must not outlive the
 * erasure takes it shared with {@link #lockAndCheck} in its own transaction, so whichever commits second sees the
 * other's work (transaction-scoped PostgreSQL advisory locks; nothing to release).
 *
 * <p>For events (a {@code receipt.confirmed} or a notification consumed after the erasure): always the database,
 * events can arrive days later (redelivery, a replay). For requests: {@link RecentErasures}, in memory.
 */
public class ErasedUsers {

    /** The erasure's first statement (bind {@code :userId}). */
    public static final String LOCK_EXCLUSIVE =
            "SELECT pg_advisory_xact_lock(hashtextextended(CAST(:userId AS text), 0))";

    /** The erasure's last statement (bind {@code :userId}): the tombstone, once. */
    public static final String RECORD =
            "INSERT INTO erased_user (user_id) VALUES (:userId) ON CONFLICT (user_id) DO NOTHING";

    static final String LOCK_SHARED = "SELECT pg_advisory_xact_lock_shared(hashtextextended(CAST(:userId AS text), 0))";

    static final String EXISTS = "SELECT EXISTS (SELECT 1 FROM erased_user WHERE user_id = :userId) AS erased";

    private final DatabaseClient database;

    public ErasedUsers(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Inside the caller's transaction: waits for a running erasure of the user, then answers whether there was one.
     * Outside a transaction the lock is released at once, and this is {@link #isErased}.
     */
    public Mono<Boolean> lockAndCheck(UUID userId) {
        return database.sql(LOCK_SHARED).bind("userId", userId).then().then(isErased(userId));
    }

    /** Whether the user's account was erased (one indexed read, no lock). */
    public Mono<Boolean> isErased(UUID userId) {
        return database.sql(EXISTS)
                .bind("userId", userId)
                .map(row -> row.get("erased", Boolean.class))
                .one();
    }
}
