package io.mita.budget.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.common.erasure.ErasedUsers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A user's erasure in common-lib's order ({@code PersonalDataErasure}: the user's lock taken exclusively, the
 * deletions, the tombstone) held open before its COMMIT, for the races against an erasure played in their worst
 * order: start the erasure, start the work about the user, see that work wait for the erasure's lock, then let the
 * erasure commit.
 */
public final class HeldErasure {

    private final DatabaseClient database;
    private final Sinks.Empty<Void> commit;
    private final CompletableFuture<Void> erasure;

    private HeldErasure(DatabaseClient database, Sinks.Empty<Void> commit, CompletableFuture<Void> erasure) {
        this.database = database;
        this.commit = commit;
        this.erasure = erasure;
    }

    /**
     * Starts the user's erasure with these deletions (each binds {@code :userId}) and answers once they and the
     * tombstone are written, uncommitted.
     */
    public static HeldErasure begin(
            ReactiveTransactionManager transactions, DatabaseClient database, UUID user, List<String> deletions)
            throws InterruptedException {
        CountDownLatch deleted = new CountDownLatch(1);
        Sinks.Empty<Void> commit = Sinks.empty();
        CompletableFuture<Void> erasure = TransactionalOperator.create(transactions)
                .transactional(forTheUser(database, user, ErasedUsers.LOCK_EXCLUSIVE)
                        .thenMany(Flux.fromIterable(deletions).concatMap(sql -> forTheUser(database, user, sql)))
                        .then(forTheUser(database, user, ErasedUsers.RECORD))
                        .then(Mono.fromRunnable(deleted::countDown))
                        .then(commit.asMono()))
                .toFuture();
        assertThat(deleted.await(30, TimeUnit.SECONDS))
                .as("the erasure has deleted and written the tombstone")
                .isTrue();
        return new HeldErasure(database, commit, erasure);
    }

    /** Waits until a transaction waits for an advisory lock: the erasure's, held here. */
    public void awaitSomeoneWaitingForItsLock() {
        await().atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForAnAdvisoryLock);
    }

    /** Lets the erasure commit and waits until it has. */
    public void commit() throws Exception {
        commit.tryEmitEmpty();
        erasure.get(30, TimeUnit.SECONDS);
    }

    private static Mono<Void> forTheUser(DatabaseClient database, UUID user, String sql) {
        return database.sql(sql).bind("userId", user).then();
    }

    private boolean someoneWaitsForAnAdvisoryLock() {
        return database.sql("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(Duration.ofSeconds(30))
                > 0;
    }
}
