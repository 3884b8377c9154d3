package io.mita.budget.transaction;

import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.money.Money;
import io.mita.budget.support.BudgetClient;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * A new transaction's insert checks its category in the same statement ({@link NewTransactionRepository}): it writes
 * only for an active category of its user, and it holds that category {@code FOR SHARE} like the category feature's
 * own check, so a concurrent delete waits for it and then finds the category in use. With an idempotency key, the
 * key's claim is made in the same statement and the row is written only when the key was claimed now.
 */
@MitaIntegrationTest
class NewTransactionCategoryCheckIT {

    private static final String CATEGORIES = "/api/budget/categories";
    /** A request's fingerprint, as long as the column (a SHA-256 in hex). */
    private static final String HASH = "ab".repeat(32);

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveTransactionManager transactionManager;

    @Autowired
    NewTransactions newTransactions;

    @Autowired
    IdempotencyKeys keys;

    private BudgetClient alice;

    @BeforeEach
    void setUp() {
        alice = BudgetClient.forANewUser(webTestClient);
    }

    @Test
    void theInsertWritesARowOnlyForAnActiveCategoryOfItsUserStoredByItsKey() {
        alice.get(CATEGORIES).expectStatus().isOk(); // seeds the defaults
        String pets = json(alice.post(CATEGORIES, Map.of("name", "Pets"))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        alice.post(CATEGORIES + "/" + pets + "/archive", null).expectStatus().isOk();
        BudgetClient bob = BudgetClient.forANewUser(webTestClient);
        json(bob.post(CATEGORIES, Map.of("name", "Garden")).expectStatus().isCreated());

        Transaction groceries = insert(alice.user(), " Groceries ");

        assertThat(groceries.category()).isEqualTo("groceries");
        assertThat(groceries.version()).isZero();
        assertThat(insert(alice.user(), "pets")).as("archived").isNull();
        assertThat(insert(alice.user(), "travel")).as("unknown").isNull();
        assertThat(insert(alice.user(), "garden")).as("another user's").isNull();
        assertThat(database.sql("SELECT category, version FROM transaction WHERE user_id = :user")
                        .bind("user", alice.user())
                        .map(row -> row.get("category", String.class) + " " + row.get("version", Long.class))
                        .all()
                        .collectList()
                        .block(Duration.ofSeconds(30)))
                .containsExactly("groceries 0");
    }

    @Test
    void aKeyedInsertClaimsTheKeyAndInsertsOnceAndForAnInactiveCategoryClaimsOnly() {
        alice.get(CATEGORIES).expectStatus().isOk(); // seeds the defaults
        Transaction first = aRecord(alice.user(), "groceries");
        Transaction second = aRecord(alice.user(), "groceries");

        NewTransactions.KeyedInsert claimed =
                newTransactions.insertIfClaimed(first, "key-1", HASH).block(Duration.ofSeconds(30));
        NewTransactions.KeyedInsert replayed =
                newTransactions.insertIfClaimed(second, "key-1", HASH).block(Duration.ofSeconds(30));
        NewTransactions.KeyedInsert archived =
                rolledBack(newTransactions.insertIfClaimed(aRecord(alice.user(), "travel"), "key-2", HASH));

        assertThat(claimed.claimed()).isTrue();
        assertThat(claimed.inserted().id()).isEqualTo(first.id());
        assertThat(claimed.inserted().category()).isEqualTo("groceries");
        assertThat(replayed).as("claimed before: nothing written").isEqualTo(NewTransactions.KeyedInsert.NOT_CLAIMED);
        assertThat(archived).as("unknown category").isEqualTo(NewTransactions.KeyedInsert.CLAIMED_ONLY);
        assertThat(database.sql("SELECT id FROM transaction WHERE user_id = :user")
                        .bind("user", alice.user())
                        .map(row -> row.get("id", UUID.class))
                        .all()
                        .collectList()
                        .block(Duration.ofSeconds(30)))
                .containsExactly(first.id());
        assertThat(keys.find(alice.user(), "key-1").block(Duration.ofSeconds(30)))
                .isEqualTo(new IdempotencyKeys.Claim(HASH, first.id()));
    }

    /**
     * The keyed insert splices the key feature's claim ({@link IdempotencyKeyRepository#CLAIM}) into its statement
     * ({@link NewTransactionRepository#INSERT_IF_CLAIMED}): a key claimed by either one is claimed for the other.
     */
    @Test
    void aKeyClaimedByTheKeyedInsertOrByTheKeyFeaturesOwnClaimIsClaimedForTheOther() {
        alice.get(CATEGORIES).expectStatus().isOk(); // seeds the defaults
        Transaction first = aRecord(alice.user(), "groceries");
        Transaction second = aRecord(alice.user(), "groceries");

        Tuple2<NewTransactions.KeyedInsert, Boolean> insertThenClaim = rolledBack(newTransactions
                .insertIfClaimed(first, "key-3", HASH)
                .zipWhen(keyed -> keys.claim(alice.user(), "key-3", HASH, second.id(), second.createdAt())));
        Tuple2<Boolean, NewTransactions.KeyedInsert> claimThenInsert =
                rolledBack(keys.claim(alice.user(), "key-4", HASH, first.id(), first.createdAt())
                        .zipWhen(claimed -> newTransactions.insertIfClaimed(second, "key-4", HASH)));

        assertThat(insertThenClaim.getT1()).isEqualTo(NewTransactions.KeyedInsert.of(first.inserted("groceries")));
        assertThat(insertThenClaim.getT2())
                .as("the key feature's claim of a key the insert claimed")
                .isFalse();
        assertThat(claimThenInsert.getT1()).isTrue();
        assertThat(claimThenInsert.getT2())
                .as("the keyed insert of a key the key feature claimed writes nothing")
                .isEqualTo(NewTransactions.KeyedInsert.NOT_CLAIMED);
    }

    @Test
    void aDeleteOfTheCategoryWaitsForACreateStillInsertingWithItAndThenFindsItInUse() throws Exception {
        String id = json(alice.post(CATEGORIES, Map.of("name", "Pets"))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        // a create that has inserted its row (and so locked the category) and not committed yet
        CompletableFuture<Void> inFlight = TransactionalOperator.create(transactionManager)
                .transactional(newTransactions
                        .insertIfCategoryActive(aRecord(alice.user(), "pets"))
                        .then(Mono.delay(Duration.ofSeconds(3)))
                        .then())
                .toFuture();
        Thread.sleep(500);

        problem(alice.delete(CATEGORIES + "/" + id), 409, "CATEGORY_IN_USE");
        assertThat(inFlight).isDone();
        inFlight.get();
    }

    /** {@code work}'s answer in a transaction rolled back: a key claimed without its row fails its reference at COMMIT. */
    private <T> T rolledBack(Mono<T> work) {
        return TransactionalOperator.create(transactionManager)
                .execute(status -> {
                    status.setRollbackOnly();
                    return work;
                })
                .single()
                .block(Duration.ofSeconds(30));
    }

    /** The inserted transaction, or null when nothing was inserted. */
    private Transaction insert(UUID user, String category) {
        return newTransactions.insertIfCategoryActive(aRecord(user, category)).block(Duration.ofSeconds(30));
    }

    private static Transaction aRecord(UUID user, String category) {
        return Transaction.record(
                UUID.randomUUID(),
                user,
                new TransactionDraft(
                        TransactionType.EXPENSE,
                        Money.parse("12.50", "EUR"),
                        category,
                        LocalDate.now(ZoneOffset.UTC),
                        "Corner shop",
                        null),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
