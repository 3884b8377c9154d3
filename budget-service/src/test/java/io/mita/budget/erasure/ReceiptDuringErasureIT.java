package io.mita.budget.erasure;

import static io.mita.budget.support.ReceiptFixtures.aGroceriesReceipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.inbound.ReceiptTransactions;
import io.mita.budget.support.BudgetClient;
import io.mita.budget.support.HeldErasure;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * A {@code receipt.confirmed} recorded while the user's erasure is committing, in the race's worst order: the
 * erasure has deleted everything and written its tombstone but not committed yet. The receipt's transaction waits
 * for the erasure ({@link AwaitedErasures}) and then creates nothing, so the erasure is not undone by it.
 */
@MitaIntegrationTest
class ReceiptDuringErasureIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReceiptTransactions receipts;

    @Autowired
    ReactiveTransactionManager transactions;

    @Test
    void aReceiptRecordedWhileTheUsersErasureCommitsWaitsForItAndThenCreatesNothing() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BudgetClient user = BudgetClient.forANewUser(webTestClient);
        user.spend("3.00", "groceries", today.toString());
        // the erasure's lock, all its deletions and the tombstone; COMMIT only once the receipt is seen waiting
        HeldErasure erasure = HeldErasure.begin(transactions, database, user.user(), ErasurePlan.STATEMENTS);
        UUID receiptEvent = UUID.randomUUID();

        CompletableFuture<Boolean> receipt = receipts.recordOnce(
                        receiptEvent, aGroceriesReceipt(user.user(), "Late shop", today, "9.99"))
                .toFuture();
        erasure.awaitSomeoneWaitingForItsLock();
        erasure.commit();

        assertThat(receipt.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(PersonalRows.processed(database, "budget-receipts-of-erased-users", receiptEvent))
                .isTrue();
        assertThat(PersonalRows.perTable(database, user.user()))
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(PersonalRows.inOutbox(database, user.user())).isZero();
    }
}
