package io.mita.auth.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Counts logins and password-reset requests for e-mail addresses without an account, per UTC day, and
 * stores nothing the caller sent. Its one committed write (in a transaction, as the existing account's
 * path writes) gives such a request the database work of one for an existing account, so that the two
 * answer in about the same time and the answer's timing does not tell whether the address has an account.
 * Also counted in {@value #METRIC} (tag {@code kind}) once the write committed.
 */
@Repository
public class UnknownAccountAttempts {

    /** What was attempted for an address without an account. */
    public enum Kind {
        LOGIN,
        PASSWORD_RESET
    }

    static final String METRIC = "mita.auth.unknown.account.attempts";

    private static final String COUNT = """
            INSERT INTO unknown_account_attempt (day, kind, attempts) VALUES (:day, :kind, 1)
            ON CONFLICT (day, kind) DO UPDATE SET attempts = unknown_account_attempt.attempts + 1""";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    UnknownAccountAttempts(DatabaseClient db, TransactionalOperator transaction, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            counters.put(
                    kind,
                    Counter.builder(METRIC)
                            .tag("kind", kind.name())
                            .description("Logins and password-reset requests for e-mail addresses without an account")
                            .register(meters));
        }
    }

    public Mono<Void> count(Kind kind) {
        return db.sql(COUNT)
                .bind("day", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("kind", kind.name())
                .then()
                .as(transaction::transactional)
                .doOnSuccess(committed -> counters.get(kind).increment());
    }
}
