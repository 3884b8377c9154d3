package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.problem;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static io.mita.budget.transaction.TransactionFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The row and its outbox event commit together or not at all. Two test triggers make a write fail for
 * a marker category: one refuses the transaction row at COMMIT (a deferred constraint trigger, so it
 * fires after the outbox row was written), the other refuses the outbox row as it is inserted (after
 * the transaction row was written). Either way nothing may remain: no row, no event, no idempotency claim.
 */
@MitaIntegrationTest
class TransactionOutboxAtomicityIT {

    private static final String FAIL_AT_COMMIT = "fail-at-commit";
    private static final String FAIL_IN_OUTBOX = "fail-in-outbox";

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private BudgetApi api;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void installFailingWrites() {
        api = new BudgetApi(webTestClient);
        // the marker categories exist as the user's own (a transaction must name an active category), inserted
        // directly so that no category event joins the outbox rows these tests count
        for (String marker : new String[] {FAIL_AT_COMMIT, FAIL_IN_OUTBOX}) {
            database.sql("""
                            INSERT INTO category (id, user_id, key, name, kind, is_default, created_at, updated_at)
                            VALUES (gen_random_uuid(), :user, :key, :key, 'DISCRETIONARY', false, now(), now())""").bind("user", user).bind("key", marker).then().block();
        }
        execute("""
                CREATE OR REPLACE FUNCTION it_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'integration test: write refused on %', TG_TABLE_NAME;
                END $$""");
        execute("""
                CREATE CONSTRAINT TRIGGER it_fail_at_commit AFTER INSERT OR UPDATE ON transaction
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.category = 'fail-at-commit') EXECUTE FUNCTION it_refuse_write()""");
        execute("""
                CREATE TRIGGER it_fail_in_outbox AFTER INSERT ON outbox_event FOR EACH ROW
                WHEN (NEW.data->>'category' = 'fail-in-outbox') EXECUTE FUNCTION it_refuse_write()""");
    }

    @AfterEach
    void removeFailingWrites() {
        execute("DROP TRIGGER IF EXISTS it_fail_at_commit ON transaction");
        execute("DROP TRIGGER IF EXISTS it_fail_in_outbox ON outbox_event");
        execute("DROP FUNCTION IF EXISTS it_refuse_write()");
    }

    @Test
    void whenTheInsertFailsNoOutboxRowRemains() {
        problem(
                api.create(user, "atomic-" + UUID.randomUUID(), with(anExpense(), "category", FAIL_AT_COMMIT)),
                500,
                "INTERNAL_ERROR");

        assertNothingOfTheUserRemains();
    }

    @Test
    void whenTheOutboxWriteFailsNoTransactionRowRemains() {
        problem(
                api.create(user, "atomic-" + UUID.randomUUID(), with(anExpense(), "category", FAIL_IN_OUTBOX)),
                500,
                "INTERNAL_ERROR");

        assertNothingOfTheUserRemains();
    }

    @Test
    void whenTheEventOfAnUpdateFailsTheRowKeepsItsPreviousState() {
        UUID id = api.createdId(user, anExpense());

        problem(api.patch(user, id, Map.of("category", FAIL_IN_OUTBOX), null), 500, "INTERNAL_ERROR");

        assertThat(
                        count(
                                "SELECT count(*) AS n FROM transaction WHERE user_id = :user AND category = 'groceries' AND version = 0"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM outbox_event WHERE subject = :user"))
                .isEqualTo(1);
    }

    @Test
    void withAnyOtherCategoryTheRowAndItsEventCommit() {
        api.create(user, "atomic-" + UUID.randomUUID(), anExpense())
                .expectStatus()
                .isCreated();

        assertThat(count("SELECT count(*) AS n FROM transaction WHERE user_id = :user"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM outbox_event WHERE subject = :user"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM idempotency_key WHERE user_id = :user"))
                .isEqualTo(1);
    }

    private void assertNothingOfTheUserRemains() {
        assertThat(count("SELECT count(*) AS n FROM transaction WHERE user_id = :user"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM outbox_event WHERE subject = :user"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM idempotency_key WHERE user_id = :user"))
                .isZero();
    }

    private void execute(String sql) {
        database.sql(sql).then().block();
    }

    private long count(String sql) {
        return database.sql(sql)
                .bind("user", sql.contains("subject") ? user.toString() : user)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}
