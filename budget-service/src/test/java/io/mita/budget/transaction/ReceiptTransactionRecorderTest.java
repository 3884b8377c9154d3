package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.category.KnownCategories;
import io.mita.budget.category.UnknownCategoryException;
import io.mita.budget.erasure.AwaitedErasures;
import io.mita.budget.inbound.ReceiptConfirmed;
import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.plan.SpendingChanges;
import io.mita.budget.support.RecordingOutbox;
import io.mita.common.inbox.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A confirmed receipt's expense through the transaction use case, on in-memory fakes. */
class ReceiptTransactionRecorderTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-16T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTransactions transactions = new InMemoryTransactions(key -> this.active.contains(key));
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryReceiptInbox inbox = new InMemoryReceiptInbox();
    /** The user's active categories: two defaults; anything else is unknown (or archived). */
    private final Set<String> active = Set.of("groceries", "other");

    private final KnownCategories categories = (user, category) -> {
        String key = category.strip().toLowerCase(Locale.ROOT);
        return active.contains(key) ? Mono.just(key) : Mono.error(new UnknownCategoryException(category));
    };
    /** The users whose spending changed (a redistribution would run for each). */
    private final List<UUID> spendingChangedFor = new CopyOnWriteArrayList<>();

    private final SpendingChanges spendingChanges = (user, days) -> {
        spendingChangedFor.add(user);
        return Mono.empty();
    };
    private final ReceiptTransactionRecorder recorder = new ReceiptTransactionRecorder(
            new TransactionService(
                    transactions,
                    transactions,
                    new TransactionListing(null, null),
                    transactions.keys(),
                    new TransactionPublisher(outbox),
                    categories,
                    spendingChanges,
                    new InlineTransactions(),
                    clock),
            inbox,
            // nobody erased: the refusal is on the real database (UserErasureIT, ReceiptDuringErasureIT)
            new AwaitedErasures(null) {
                @Override
                public Mono<Boolean> erasedOnceAwaited(UUID userId) {
                    return Mono.just(false);
                }
            },
            new ProcessedEvents(null),
            clock);

    @Test
    void aReceiptBecomesOneExpenseWithItsMerchantCategoryDateAndAmount() {
        ReceiptConfirmed receipt = receipt("23.47", "groceries", "Lidl");

        assertThat(recorder.recordOnce(UUID.randomUUID(), receipt).block()).isTrue();

        assertThat(transactions.size()).isEqualTo(1);
        Transaction made = transactions.row(inbox.claims.get(receipt.receiptId()));
        assertThat(made.userId()).isEqualTo(receipt.userId());
        assertThat(made.type()).isEqualTo(TransactionType.EXPENSE);
        assertThat(made.money().amountText()).isEqualTo("23.47");
        assertThat(made.currency()).isEqualTo("EUR");
        assertThat(made.category()).isEqualTo("groceries");
        assertThat(made.occurredOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(made.merchant()).isEqualTo("Lidl");
        assertThat(outbox.types()).containsExactly(TransactionPublisher.CREATED);
    }

    @Test
    void aReceiptsExpenseRedistributesTheMonthAsAnApiCreateWould() {
        ReceiptConfirmed receipt = receipt("23.47", "groceries", "Lidl");

        recorder.recordOnce(UUID.randomUUID(), receipt).block();

        assertThat(spendingChangedFor).containsExactly(receipt.userId());
    }

    @Test
    void aReceiptNamingACategoryTheUserHasNotGotIsFiledUnderOtherInsteadOfDeadLettered() {
        ReceiptConfirmed receipt = receipt("9.99", "travel", "Ryanair");

        assertThat(recorder.recordOnce(UUID.randomUUID(), receipt).block()).isTrue();

        Transaction made = transactions.row(inbox.claims.get(receipt.receiptId()));
        assertThat(made.category()).isEqualTo(ReceiptTransactionRecorder.DEFAULT_CATEGORY);
    }

    @Test
    void theSameReceiptAgainMakesNoSecondTransactionOrEvent() {
        ReceiptConfirmed receipt = receipt("23.47", "groceries", "Lidl");
        recorder.recordOnce(UUID.randomUUID(), receipt).block();

        assertThat(recorder.recordOnce(UUID.randomUUID(), receipt).block()).isFalse();

        assertThat(transactions.size()).isEqualTo(1);
        assertThat(outbox.types()).hasSize(1);
    }

    @Test
    void aReceiptWithoutCategoryIsFiledUnderOtherAndALongMerchantIsCut() {
        ReceiptConfirmed receipt = receipt("5", " ", "M".repeat(200));

        recorder.recordOnce(UUID.randomUUID(), receipt).block();

        Transaction made = transactions.row(inbox.claims.get(receipt.receiptId()));
        assertThat(made.category()).isEqualTo(ReceiptTransactionRecorder.DEFAULT_CATEGORY);
        assertThat(made.merchant()).hasSize(ReceiptTransactionRecorder.MAX_MERCHANT);
        assertThat(made.money().amountText()).isEqualTo("5.00");
    }

    @Test
    void aTotalThatIsNoMoneyIsRefusedForGoodAndNothingIsRecorded() {
        assertThatThrownBy(() -> recorder.recordOnce(UUID.randomUUID(), receipt("-1.00", "groceries", "Lidl"))
                        .block())
                .isInstanceOf(InvalidMoneyException.class);
        assertThatThrownBy(() -> recorder.recordOnce(UUID.randomUUID(), receipt("1.001", "groceries", "Lidl"))
                        .block())
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(transactions.size()).isZero();
        assertThat(inbox.claims).isEmpty();
    }

    @Test
    void aDateAfterTomorrowOrATooLongCategoryIsRefusedForGood() {
        ReceiptConfirmed future = new ReceiptConfirmed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Lidl",
                LocalDate.of(2026, 1, 18),
                "1.00",
                "EUR",
                null,
                null,
                null);

        assertThatThrownBy(() -> recorder.recordOnce(UUID.randomUUID(), future).block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occurredOn");
        assertThatThrownBy(() -> recorder.recordOnce(UUID.randomUUID(), receipt("1.00", "c".repeat(65), "Lidl"))
                        .block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category");
    }

    private static ReceiptConfirmed receipt(String total, String category, String merchant) {
        return new ReceiptConfirmed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                merchant,
                LocalDate.of(2026, 1, 15),
                total,
                "EUR",
                category,
                null,
                Instant.parse("2026-01-15T18:04:11Z"));
    }

    /** The receipt inbox in a map: the first claim of a receipt wins. */
    static final class InMemoryReceiptInbox extends ReceiptInbox {

        final Map<UUID, UUID> claims = new ConcurrentHashMap<>();

        InMemoryReceiptInbox() {
            super(null);
        }

        @Override
        Mono<Boolean> claim(UUID receiptId, UUID userId, UUID transactionId, UUID eventId, Instant now) {
            return Mono.fromSupplier(() -> claims.putIfAbsent(receiptId, transactionId) == null);
        }
    }
}
