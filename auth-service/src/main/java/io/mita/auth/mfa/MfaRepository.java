package io.mita.auth.mfa;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tables of two-factor sign-in: {@code user_mfa}, {@code mfa_recovery_code}, {@code mfa_challenge}. */
@Repository
class MfaRepository {

    private final DatabaseClient db;

    MfaRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A user's TOTP enrolment, confirmed or waiting for its first code. */
    record Enrolment(UUID userId, byte[] secretEncrypted, byte[] iv, Instant confirmedAt, long lastUsedStep) {

        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** A login's second step in progress. */
    record Challenge(UUID id, UUID userId, Instant expiresAt, int failedAttempts, Instant usedAt) {}

    Mono<Enrolment> enrolment(UUID userId) {
        return db.sql("SELECT user_id, secret_encrypted, iv, confirmed_at, last_used_step FROM user_mfa"
                        + " WHERE user_id = :userId")
                .bind("userId", userId)
                .map(row -> new Enrolment(
                        row.get("user_id", UUID.class),
                        row.get("secret_encrypted", byte[].class),
                        row.get("iv", byte[].class),
                        row.get("confirmed_at", Instant.class),
                        row.get("last_used_step", Long.class)))
                .one();
    }

    Mono<Boolean> isConfirmed(UUID userId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM user_mfa WHERE user_id = :userId AND confirmed_at IS NOT NULL)"
                        + " AS confirmed")
                .bind("userId", userId)
                .map(row -> row.get("confirmed", Boolean.class))
                .one();
    }

    /** Starts (or restarts) an enrolment that is not confirmed; a confirmed one is left alone (answers false). */
    Mono<Boolean> startEnrolment(UUID userId, byte[] secretEncrypted, byte[] iv, Instant now) {
        return db.sql("INSERT INTO user_mfa (user_id, secret_encrypted, iv, created_at) VALUES (:userId, :secret,"
                        + " :iv, :now) ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted,"
                        + " iv = EXCLUDED.iv, created_at = EXCLUDED.created_at, last_used_step = -1"
                        + " WHERE user_mfa.confirmed_at IS NULL")
                .bind("userId", userId)
                .bind("secret", secretEncrypted)
                .bind("iv", iv)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Confirms a waiting enrolment with the step of its first accepted code; false when none was waiting. */
    Mono<Boolean> confirm(UUID userId, long step, Instant now) {
        return db.sql("UPDATE user_mfa SET confirmed_at = :now, last_used_step = :step"
                        + " WHERE user_id = :userId AND confirmed_at IS NULL")
                .bind("userId", userId)
                .bind("step", step)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Records the step of an accepted code, once: false when that step (or a later one) was used already. */
    Mono<Boolean> useStep(UUID userId, long step) {
        return db.sql("UPDATE user_mfa SET last_used_step = :step WHERE user_id = :userId"
                        + " AND confirmed_at IS NOT NULL AND last_used_step < :step")
                .bind("userId", userId)
                .bind("step", step)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Void> replaceRecoveryCodes(UUID userId, List<String> codeHashes) {
        return db.sql("DELETE FROM mfa_recovery_code WHERE user_id = :userId")
                .bind("userId", userId)
                .then()
                .thenMany(Flux.fromIterable(codeHashes)
                        .concatMap(hash -> db.sql(
                                        "INSERT INTO mfa_recovery_code (user_id, code_hash) VALUES (:userId, :hash)")
                                .bind("userId", userId)
                                .bind("hash", hash)
                                .then()))
                .then();
    }

    /** Spends an unused recovery code; false when it is not one of the user's unused codes. */
    Mono<Boolean> useRecoveryCode(UUID userId, String codeHash, Instant now) {
        return db.sql("UPDATE mfa_recovery_code SET used_at = :now WHERE user_id = :userId AND code_hash = :hash"
                        + " AND used_at IS NULL")
                .bind("userId", userId)
                .bind("hash", codeHash)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Long> unusedRecoveryCodes(UUID userId) {
        return db.sql("SELECT count(*) AS n FROM mfa_recovery_code WHERE user_id = :userId AND used_at IS NULL")
                .bind("userId", userId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** Removes the enrolment, the recovery codes and open challenges; answers whether a confirmed one existed. */
    Mono<Boolean> remove(UUID userId) {
        return db.sql("DELETE FROM mfa_challenge WHERE user_id = :userId")
                .bind("userId", userId)
                .then()
                .then(db.sql("DELETE FROM mfa_recovery_code WHERE user_id = :userId")
                        .bind("userId", userId)
                        .then())
                .then(db.sql("DELETE FROM user_mfa WHERE user_id = :userId AND confirmed_at IS NOT NULL")
                        .bind("userId", userId)
                        .fetch()
                        .rowsUpdated())
                .map(rows -> rows == 1);
    }

    Mono<Void> openChallenge(UUID id, UUID userId, String tokenHash, Instant expiresAt, Instant now) {
        return db.sql("INSERT INTO mfa_challenge (id, user_id, token_hash, expires_at, created_at)"
                        + " VALUES (:id, :userId, :tokenHash, :expiresAt, :now)")
                .bind("id", id)
                .bind("userId", userId)
                .bind("tokenHash", tokenHash)
                .bind("expiresAt", expiresAt)
                .bind("now", now)
                .then();
    }

    /** A challenge that can still be answered: unspent, unexpired, fewer than {@code maxAttempts} wrong codes. */
    Mono<Challenge> usableChallenge(String tokenHash, Instant now, int maxAttempts) {
        return db.sql("SELECT id, user_id, expires_at, failed_attempts, used_at FROM mfa_challenge"
                        + " WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now"
                        + " AND failed_attempts < :maxAttempts")
                .bind("tokenHash", tokenHash)
                .bind("now", now)
                .bind("maxAttempts", maxAttempts)
                .map(row -> new Challenge(
                        row.get("id", UUID.class),
                        row.get("user_id", UUID.class),
                        row.get("expires_at", Instant.class),
                        row.get("failed_attempts", Integer.class),
                        row.get("used_at", Instant.class)))
                .one();
    }

    /** Spends the challenge: true for exactly one of concurrent callers. */
    Mono<Boolean> spendChallenge(UUID id, Instant now) {
        return db.sql("UPDATE mfa_challenge SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .bind("id", id)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Void> countFailure(UUID challengeId) {
        return db.sql("UPDATE mfa_challenge SET failed_attempts = failed_attempts + 1 WHERE id = :id")
                .bind("id", challengeId)
                .then();
    }
}
