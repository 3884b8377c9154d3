package io.mita.auth.erasure;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Deletes what auth-service holds about a user. The account row goes, and with it (ON DELETE CASCADE) roles,
 * refresh tokens, sessions, reset tokens and the two-factor rows. Published outbox events about the user (some
 * carry the display name) are deleted too; the erasure event itself is written after this, in the same
 * transaction. Unpublished events stay until the relay has published them (the retention purge then removes
 * them). Lockout counts live on the account row; the unknown-account counts never named anybody.
 */
@Repository
class ErasedAccounts {

    private final DatabaseClient db;

    ErasedAccounts(DatabaseClient db) {
        this.db = db;
    }

    /** Answers whether the account existed. */
    Mono<Boolean> erase(UUID userId) {
        return db.sql("DELETE FROM outbox_event WHERE subject = :subject AND published_at IS NOT NULL")
                .bind("subject", userId.toString())
                .then()
                .then(db.sql("DELETE FROM user_account WHERE id = :id")
                        .bind("id", userId)
                        .fetch()
                        .rowsUpdated())
                .map(rows -> rows == 1);
    }
}
