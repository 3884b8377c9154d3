package io.mita.auth;

import io.mita.auth.account.UnknownAccountAttempts;
import org.springframework.r2dbc.core.DatabaseClient;

/** Reads the per-day counts of attempts for addresses without an account (table unknown_account_attempt). */
public final class UnknownAccountAttemptCounts {

    private UnknownAccountAttemptCounts() {}

    /** All days together, so that a test running across midnight (UTC) still sees its own attempts. */
    public static long total(DatabaseClient db, UnknownAccountAttempts.Kind kind) {
        return db.sql("SELECT CAST(COALESCE(SUM(attempts), 0) AS BIGINT) AS n FROM unknown_account_attempt"
                        + " WHERE kind = :kind")
                .bind("kind", kind.name())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    /** How many rows contain {@code text} anywhere (the table must hold nothing the caller sent). */
    public static long rowsContaining(DatabaseClient db, String text) {
        return db.sql("SELECT count(*) AS n FROM unknown_account_attempt t WHERE strpos(t::text, :text) > 0")
                .bind("text", text)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}
