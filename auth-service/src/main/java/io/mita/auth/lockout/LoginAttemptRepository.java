package io.mita.auth.lockout;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The lockout columns of {@code user_account}. Each method is one statement that locks the row
 * ({@code FOR UPDATE} in its CTE), decides and writes: concurrent failures are all counted, exactly one
 * of them locks, and a success can never slip past a lock that a concurrent failure just set.
 */
@Repository
class LoginAttemptRepository implements LoginAttempts {

    private static final String RECORD_FAILURE = """
            WITH current AS (
                SELECT id, locked_until AS previous_lock,
                       CASE WHEN locked_until IS NULL THEN failed_attempts ELSE 0 END + 1 AS attempts
                FROM user_account WHERE id = :id FOR UPDATE)
            UPDATE user_account u
            SET failed_attempts = c.attempts,
                locked_until = CASE WHEN c.attempts >= :maxFailures THEN CAST(:lockUntil AS TIMESTAMPTZ) END
            FROM current c
            WHERE u.id = c.id AND (c.previous_lock IS NULL OR c.previous_lock <= :now)
            RETURNING c.attempts AS attempts, u.locked_until AS locked_until, c.previous_lock AS previous_lock""";

    private static final String RECORD_SUCCESS = """
            WITH current AS (SELECT id, locked_until AS previous_lock FROM user_account WHERE id = :id FOR UPDATE)
            UPDATE user_account u SET failed_attempts = 0, locked_until = NULL
            FROM current c
            WHERE u.id = c.id AND (c.previous_lock IS NULL OR c.previous_lock <= :now)
            RETURNING c.previous_lock AS previous_lock""";

    private static final String CLEAR = """
            WITH current AS (SELECT id, locked_until AS previous_lock FROM user_account WHERE id = :id FOR UPDATE)
            UPDATE user_account u SET failed_attempts = 0, locked_until = NULL
            FROM current c
            WHERE u.id = c.id
            RETURNING c.previous_lock AS previous_lock""";

    private final DatabaseClient db;

    LoginAttemptRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Counts a failed login; the one reaching {@code maxFailures} sets the lock to {@code lockUntil}. A lock
     * that has ended starts the count again. Empty when the account is locked now (or does not exist).
     */
    @Override
    public Mono<Failure> recordFailure(UUID userId, Instant now, int maxFailures, Instant lockUntil) {
        return db.sql(RECORD_FAILURE)
                .bind("id", userId)
                .bind("now", now)
                .bind("maxFailures", maxFailures)
                .bind("lockUntil", lockUntil)
                .map(row -> new Failure(
                        row.get("attempts", Integer.class),
                        row.get("locked_until", Instant.class),
                        row.get("previous_lock", Instant.class)))
                .one();
    }

    /** Resets the count after a successful login. Empty when the account is locked now (or does not exist). */
    @Override
    public Mono<Cleared> recordSuccess(UUID userId, Instant now) {
        return db.sql(RECORD_SUCCESS)
                .bind("id", userId)
                .bind("now", now)
                .map(row -> new Cleared(row.get("previous_lock", Instant.class)))
                .one();
    }

    /** Resets count and lock whatever they are (administrator, password reset). Empty when there is no such account. */
    @Override
    public Mono<Cleared> clear(UUID userId) {
        return db.sql(CLEAR)
                .bind("id", userId)
                .map(row -> new Cleared(row.get("previous_lock", Instant.class)))
                .one();
    }
}
