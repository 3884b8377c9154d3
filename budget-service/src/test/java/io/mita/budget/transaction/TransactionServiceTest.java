package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.category.KnownCategories;
import io.mita.budget.category.UnknownCategoryException;
import io.mita.budget.money.Money;
import io.mita.budget.plan.SpendingChanges;
import io.mita.budget.support.RecordingOutbox;
import io.mita.common.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transaction use cases with in-memory fakes (no Spring, no database, no Kafka): idempotency-key replay
 * and PATCH merging are checked here in milliseconds; the ITs prove the same against PostgreSQL.
 */
class TransactionServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemoryTransactions transactions = new InMemoryTransactions(key -> this.active.contains(key));
    private final RecordingOutbox outbox = new RecordingOutbox();
    /** The user's active categories: the defaults the tests name, plus "food"; "travel" is archived. */
    private final Set<String> active = Set.of("groceries", "dining", "food");

    private final KnownCategories categories = (user, category) -> {
        String key = category.strip().toLowerCase(Locale.ROOT);
        return active.contains(key) ? Mono.just(key) : Mono.error(new UnknownCategoryException(category));
    };
    /** The days each spending change reported, one list per call. */
    private final List<List<LocalDate>> changedDays = new CopyOnWriteArrayList<>();

    private final SpendingChanges spendingChanges = (user, days) -> {
        changedDays.add(List.copyOf(days));
        return Mono.empty();
    };
    private final TransactionService service = new TransactionService(
            transactions,
            transactions,
            new TransactionListing(null, null), // listing is SQL only: TransactionListingIT covers it
            transactions.keys(),
            new TransactionPublisher(outbox),
            categories,
            spendingChanges,
            new InlineTransactions(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID alice = UUID.randomUUID();

    @Test
    void theSameKeyWithTheSameContentAnswersTheFirstTransactionWithoutASecondRowOrEvent() {
        Transaction first = service.create(alice, groceries("12.50"), "key-1").block();

        Transaction replayed = service.create(alice, groceries("12.5"), "key-1").block();

        assertThat(replayed).isEqualTo(first);
        assertThat(transactions.size()).isOne();
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED);
    }

    @Test
    void theSameKeyWithOtherContentIsRefusedWith409() {
        service.create(alice, groceries("12.50"), "key-1").block();

        assertThatThrownBy(
                        () -> service.create(alice, groceries("13.00"), "key-1").block())
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("BUDGET_IDEMPOTENCY_KEY_REUSED");
                });
        assertThat(transactions.size()).isOne();
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED);
    }

    @Test
    void aKeyBelongsToOneUserSoAnotherUsersSameKeyMakesItsOwnTransaction() {
        Transaction alices = service.create(alice, groceries("12.50"), "key-1").block();

        Transaction bobs =
                service.create(UUID.randomUUID(), groceries("12.50"), "key-1").block();

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(transactions.size()).isEqualTo(2);
    }

    @Test
    void withoutAKeyEveryCreateMakesANewTransaction() {
        service.create(alice, groceries("12.50"), null).block();
        service.create(alice, groceries("12.50"), null).block();

        assertThat(transactions.size()).isEqualTo(2);
        assertThat(outbox.types()).hasSize(2);
    }

    @Test
    void aReplayOfADeletedTransactionAnswersNotFound() {
        Transaction first = service.create(alice, groceries("12.50"), "key-1").block();
        service.delete(alice, first.id()).block();

        assertThatThrownBy(
                        () -> service.create(alice, groceries("12.50"), "key-1").block())
                .isInstanceOf(TransactionNotFoundException.class);
    }

    @Test
    void aPatchChangesOnlyThePresentMembersBumpsTheVersionAndPublishesAnUpdate() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();

        Transaction patched = service.update(
                        alice, created.id(), patch("{\"amount\":\"14.9\",\"category\":\"food\"}"), 0L)
                .block();

        assertThat(patched.money().amountText()).isEqualTo("14.90");
        assertThat(patched.category()).isEqualTo("food");
        assertThat(patched.merchant()).isEqualTo("Lidl");
        assertThat(patched.note()).isEqualTo("weekly shop");
        assertThat(patched.occurredOn()).isEqualTo(created.occurredOn());
        assertThat(patched.version()).isEqualTo(1L);
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED, TransactionPublisher.UPDATED);
    }

    @Test
    void nullClearsMerchantAndNoteWhileAbsentMembersStay() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();

        Transaction patched = service.update(alice, created.id(), patch("{\"merchant\":null,\"note\":null}"), null)
                .block();

        assertThat(patched.merchant()).isNull();
        assertThat(patched.note()).isNull();
        assertThat(patched.category()).isEqualTo("groceries");
    }

    @Test
    void aPatchThatChangesNothingWritesAndPublishesNothing() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();

        Transaction same = service.update(alice, created.id(), patch("{\"amount\":\"12.5\",\"merchant\":\"Lidl\"}"), 0L)
                .block();

        assertThat(same.version()).isZero();
        assertThat(transactions.row(created.id()).version()).isZero();
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED);
    }

    @Test
    void aChangedCurrencyIsCheckedAgainstTheAmountTheTransactionKeeps() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();

        assertThatThrownBy(() -> service.update(alice, created.id(), patch("{\"currency\":\"JPY\"}"), null)
                        .block())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.getMessage()).contains("amount");
                });
        Transaction yen = service.update(alice, created.id(), patch("{\"currency\":\"JPY\",\"amount\":\"1250\"}"), null)
                .block();
        assertThat(yen.money().amountText()).isEqualTo("1250");
    }

    @Test
    void aStaleIfMatchVersionConflicts() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();
        service.update(alice, created.id(), patch("{\"amount\":\"13.00\"}"), 0L).block();

        assertThatThrownBy(() -> service.update(alice, created.id(), patch("{\"amount\":\"99.00\"}"), 0L)
                        .block())
                .isInstanceOf(TransactionVersionConflictException.class);
        assertThat(transactions.row(created.id()).money().amountText()).isEqualTo("13.00");
    }

    @Test
    void aChangeByAnotherRequestBetweenReadAndWriteConflicts() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();
        transactions.changeByAnotherRequestAfterTheNextRead(created.id());

        assertThatThrownBy(() -> service.update(alice, created.id(), patch("{\"amount\":\"99.00\"}"), null)
                        .block())
                .isInstanceOf(TransactionVersionConflictException.class);
    }

    @Test
    void anotherUsersTransactionIsNotFound() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();

        assertThatThrownBy(() -> service.update(UUID.randomUUID(), created.id(), patch("{\"note\":\"x\"}"), null)
                        .block())
                .isInstanceOf(TransactionNotFoundException.class);
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED);
    }

    @Test
    void anUnknownCategoryIsRefusedWith422AndNothingIsWritten() {
        assertThatThrownBy(() -> service.create(alice, withCategory(groceries("12.50"), "travel"), null)
                        .block())
                .isInstanceOfSatisfying(UnknownCategoryException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("UNKNOWN_CATEGORY");
                });
        assertThat(transactions.size()).isZero();
        assertThat(outbox.types()).isEmpty();
        assertThat(changedDays).isEmpty();
    }

    @Test
    void theCategoryIsStoredAsTheKeyOfTheCategoryItNamesWhateverItsCase() {
        Transaction created = service.create(alice, withCategory(groceries("12.50"), " Groceries "), null)
                .block();

        assertThat(created.category()).isEqualTo("groceries");
    }

    @Test
    void aNewUsersFirstTransactionIsInsertedOnceTheCategoryFeatureHasSeededTheirCategories() {
        Set<String> seeded = ConcurrentHashMap.newKeySet();
        InMemoryTransactions rows = new InMemoryTransactions(seeded::contains);
        TransactionService firstUse = serviceWith(rows, (user, category) -> {
            seeded.addAll(active); // what CategoryService.activeKey does for a user without categories
            return Mono.just(category.strip().toLowerCase(Locale.ROOT));
        });

        Transaction created =
                firstUse.create(alice, groceries("12.50"), "key-1").block();

        assertThat(rows.row(created.id()).category()).isEqualTo("groceries");
        assertThat(created.version()).isZero();
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED);
    }

    @Test
    void aCategoryArchivedBetweenTheCategoryFeaturesAnswerAndTheInsertIsRefusedAndNothingIsWritten() {
        // the insert's own check finds the category archived both times; the category feature still answered it
        InMemoryTransactions rows = new InMemoryTransactions(key -> false);
        TransactionService racing = serviceWith(rows, (user, category) -> Mono.just("groceries"));

        assertThatThrownBy(
                        () -> racing.create(alice, groceries("12.50"), "key-1").block())
                .isInstanceOf(UnknownCategoryException.class);
        assertThat(rows.size()).isZero();
        assertThat(outbox.types()).isEmpty();
        assertThat(changedDays).isEmpty();
    }

    @Test
    void aPatchToAnUnknownCategoryIsRefusedAndTheTransactionStays() {
        Transaction created = service.create(alice, groceries("12.50"), null).block();

        assertThatThrownBy(() -> service.update(alice, created.id(), patch("{\"category\":\"travel\"}"), null)
                        .block())
                .isInstanceOf(UnknownCategoryException.class);
        assertThat(transactions.row(created.id()).category()).isEqualTo("groceries");
    }

    @Test
    void aPatchOfOtherMembersKeepsACategoryThatIsNoLongerActive() {
        Transaction created = service.create(alice, withCategory(groceries("12.50"), "food"), null)
                .block();
        Set<String> stillActive = Set.of("groceries");
        TransactionService afterArchiving = serviceWith((user, category) -> stillActive.contains(category)
                ? Mono.just(category)
                : Mono.error(new UnknownCategoryException(category)));

        Transaction patched = afterArchiving
                .update(alice, created.id(), patch("{\"amount\":\"20.00\"}"), null)
                .block();

        assertThat(patched.category()).isEqualTo("food");
        assertThat(patched.money().amountText()).isEqualTo("20.00");
    }

    @Test
    void everyChangeOfAnExpenseReportsItsDaysAndAMoveReportsBothDays() {
        Transaction created = service.create(alice, groceries("12.50"), "key-1").block();
        service.create(alice, groceries("12.50"), "key-1").block(); // a replay changes nothing
        service.update(alice, created.id(), patch("{\"occurredOn\":\"2026-02-01\"}"), null)
                .block();
        service.delete(alice, created.id()).block();

        assertThat(changedDays)
                .containsExactly(
                        List.of(LocalDate.of(2026, 1, 15)),
                        List.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1)),
                        List.of(LocalDate.of(2026, 2, 1)));
    }

    @Test
    void anIncomeIsNoSpendingAndReportsNoChange() {
        TransactionDraft salary = new TransactionDraft(
                TransactionType.INCOME, Money.parse("2000.00", "EUR"), "food", LocalDate.of(2026, 1, 1), null, null);

        service.create(alice, salary, null).block();

        assertThat(changedDays).isEmpty();
    }

    private TransactionService serviceWith(KnownCategories known) {
        return serviceWith(transactions, known);
    }

    private TransactionService serviceWith(InMemoryTransactions rows, KnownCategories known) {
        return new TransactionService(
                rows,
                rows,
                new TransactionListing(null, null),
                rows.keys(),
                new TransactionPublisher(outbox),
                known,
                spendingChanges,
                new InlineTransactions(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TransactionDraft withCategory(TransactionDraft draft, String category) {
        return new TransactionDraft(
                draft.type(), draft.money(), category, draft.occurredOn(), draft.merchant(), draft.note());
    }

    private static TransactionDraft groceries(String amount) {
        return new TransactionDraft(
                TransactionType.EXPENSE,
                Money.parse(amount, "EUR"),
                "groceries",
                LocalDate.of(2026, 1, 15),
                "Lidl",
                "weekly shop");
    }

    private static UpdateTransactionRequest patch(String body) {
        return JSON.readValue(body, UpdateTransactionRequest.class);
    }
}
