package io.mita.budget.category;

import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetClient.problem;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.BudgetClient;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** Categories against PostgreSQL: seeding, uniqueness, the transaction check, archive and delete rules. */
@MitaIntegrationTest
class CategoryIT {

    private static final String PATH = "/api/budget/categories";

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveTransactionManager transactions;

    private BudgetClient alice;
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeEach
    void setUp() {
        alice = BudgetClient.forANewUser(webTestClient);
    }

    @Test
    void concurrentFirstRequestsSeedTheDefaultSetOnce() {
        List<Integer> sizes = Flux.range(0, 6)
                .parallel(6)
                .runOn(Schedulers.boundedElastic())
                .map(i -> json(alice.get(PATH).expectStatus().isOk()).size())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(sizes).containsOnly(11);
        assertThat(rows("SELECT count(*) AS n FROM category WHERE user_id = :user"))
                .isEqualTo(11);
    }

    @Test
    void aTransactionMustNameAnActiveCategoryAndIsStoredByItsKey() {
        problem(alice.post("/api/budget/transactions", expense("travel")), 422, "UNKNOWN_CATEGORY");

        JsonNode created = json(alice.post("/api/budget/transactions", expense(" GROCERIES "))
                .expectStatus()
                .isCreated());

        assertThat(created.get("category").asString()).isEqualTo("groceries");
        assertThat(rows("SELECT count(*) AS n FROM transaction WHERE user_id = :user"))
                .isEqualTo(1);
    }

    @Test
    void aPatchToAnUnknownCategoryIs422AndLeavesTheTransaction() {
        UUID id = alice.spend("5.00", "dining", today);

        problem(alice.patch("/api/budget/transactions/" + id, Map.of("category", "travel")), 422, "UNKNOWN_CATEGORY");
        alice.patch("/api/budget/transactions/" + id, Map.of("category", "other"))
                .expectStatus()
                .isOk();
    }

    @Test
    void anOwnCategoryIsCreatedUniqueInAnyCaseRenamedArchivedAndDeletedWhenUnused() {
        JsonNode coffee = json(alice.post(PATH, Map.of("name", "Coffee", "kind", "DISCRETIONARY"))
                .expectStatus()
                .isCreated());
        String id = coffee.get("id").asString();
        problem(alice.post(PATH, Map.of("name", "COFFEE")), 409, "CATEGORY_NAME_TAKEN");
        problem(alice.patch(PATH + "/" + id, Map.of("name", "Dining")), 409, "CATEGORY_NAME_TAKEN");

        alice.patch(PATH + "/" + id, Map.of("name", "Coffee & tea"))
                .expectStatus()
                .isOk();
        alice.spend("3.20", "coffee", today);
        problem(alice.delete(PATH + "/" + id), 409, "CATEGORY_IN_USE");
        alice.post(PATH + "/" + id + "/archive", null).expectStatus().isOk();
        problem(alice.post("/api/budget/transactions", expense("coffee")), 422, "UNKNOWN_CATEGORY");

        JsonNode listed = json(alice.get(PATH).expectStatus().isOk());
        JsonNode archived = listed.findParents("key").stream()
                .filter(category -> category.get("key").asString().equals("coffee"))
                .findFirst()
                .orElseThrow();
        assertThat(archived.get("name").asString()).isEqualTo("Coffee & tea");
        assertThat(archived.get("archived").asBoolean()).isTrue();

        String unused = json(alice.post(PATH, Map.of("name", "Hobbies"))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        alice.delete(PATH + "/" + unused).expectStatus().isNoContent();
        assertThat(rows("SELECT count(*) AS n FROM category WHERE user_id = :user AND key = 'hobbies'"))
                .isZero();
    }

    @Test
    void aCategoryAPlanNamesIsInUse() {
        String id = json(alice.post(PATH, Map.of("name", "Pets")).expectStatus().isCreated())
                .get("id")
                .asString();
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        alice.put(
                        "/api/budget/plans/" + month,
                        aPlan().withIncome("1000.00")
                                .withCategories("pets", "50.00")
                                .json(),
                        null)
                .expectStatus()
                .isCreated();

        problem(alice.delete(PATH + "/" + id), 409, "CATEGORY_IN_USE");
    }

    @Test
    void aDeleteWaitsForARequestStillUsingTheCategoryAndThenFindsItInUse() throws Exception {
        String id = json(alice.post(PATH, Map.of("name", "Pets")).expectStatus().isCreated())
                .get("id")
                .asString();
        // an expense being recorded: it has read the category (FOR SHARE, as the create does) and not committed
        CompletableFuture<Void> inFlight = TransactionalOperator.create(transactions)
                .transactional(database.sql("SELECT id FROM category WHERE user_id = :user AND key = 'pets' FOR SHARE")
                        .bind("user", alice.user())
                        .fetch()
                        .all()
                        .then(database.sql("""
                                        INSERT INTO transaction (id, user_id, type, amount, currency, category,
                                            occurred_on, created_at, updated_at, version)
                                        VALUES (gen_random_uuid(), :user, 'EXPENSE', 5, 'EUR', 'pets',
                                            current_date, now(), now(), 0)""").bind("user", alice.user()).then())
                        .then(Mono.delay(Duration.ofSeconds(3)))
                        .then())
                .toFuture();
        Thread.sleep(500);

        problem(alice.delete(PATH + "/" + id), 409, "CATEGORY_IN_USE");
        assertThat(inFlight).isDone();
        inFlight.get();
    }

    @Test
    void defaultsAreNeverDeletedAndAnotherUsersCategoryIsNotFound() {
        JsonNode groceries = json(alice.get(PATH).expectStatus().isOk()).findParents("key").stream()
                .filter(category -> category.get("key").asString().equals("groceries"))
                .findFirst()
                .orElseThrow();
        String id = groceries.get("id").asString();
        problem(alice.delete(PATH + "/" + id), 409, "CATEGORY_IS_DEFAULT");

        BudgetClient bob = BudgetClient.forANewUser(webTestClient);
        problem(bob.patch(PATH + "/" + id, Map.of("name", "Mine")), 404, "CATEGORY_NOT_FOUND");
        problem(bob.post(PATH + "/" + id + "/archive", null), 404, "CATEGORY_NOT_FOUND");
        problem(bob.delete(PATH + "/" + id), 404, "CATEGORY_NOT_FOUND");
    }

    @Test
    void creatingAndArchivingWriteTheirEventsWithTheChange() {
        String id = json(alice.post(PATH, Map.of("name", "Garden"))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        alice.post(PATH + "/" + id + "/archive", null).expectStatus().isOk();
        alice.post(PATH + "/" + id + "/archive", null).expectStatus().isOk();

        List<String> types = database.sql("SELECT type FROM outbox_event WHERE subject = :subject ORDER BY seq")
                .bind("subject", alice.user().toString())
                .map(row -> row.get("type", String.class))
                .all()
                .collectList()
                .block();
        assertThat(types).containsExactly("mita.budget.category.created.v1", "mita.budget.category.archived.v1");
    }

    private Map<String, Object> expense(String category) {
        return Map.of(
                "type", "EXPENSE", "amount", "12.50", "currency", "EUR", "category", category, "occurredOn", today);
    }

    private long rows(String sql) {
        return database.sql(sql)
                .bind("user", alice.user())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}
