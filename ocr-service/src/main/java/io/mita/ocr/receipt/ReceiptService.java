package io.mita.ocr.receipt;

import io.mita.ocr.extraction.ExtractedField;
import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.receipt.ReceiptProblems.AlreadyConfirmedException;
import io.mita.ocr.receipt.ReceiptProblems.IncompleteConfirmationException;
import io.mita.ocr.receipt.ReceiptProblems.InvalidConfirmationException;
import io.mita.ocr.receipt.ReceiptProblems.NotProcessedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A user's receipts: read, list, confirm, delete. Someone else's receipt is indistinguishable from a
 * missing one. Confirming is idempotent: the same confirmation again answers the confirmed receipt without
 * a second event; a different one is refused with 409 (docs/ocr.md, "Confirm").
 */
@Service
class ReceiptService {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** A page of receipts and where the next one starts (null on the last page). */
    record Page(List<Receipt> items, ReceiptCursor next) {}

    private final Receipts receipts;
    private final ReceiptPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    ReceiptService(Receipts receipts, ReceiptPublisher publisher, TransactionalOperator inTransaction, Clock clock) {
        this.receipts = receipts;
        this.publisher = publisher;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    Mono<Receipt> get(UUID id, UUID userId) {
        return receipts.findOwned(id, userId).switchIfEmpty(Mono.error(() -> new ReceiptNotFoundException(id)));
    }

    Mono<Page> list(UUID userId, ReceiptCursor after, int limit) {
        return receipts.page(userId, after, limit + 1).collectList().map(found -> {
            if (found.size() <= limit) {
                return new Page(found, null);
            }
            List<Receipt> items = found.subList(0, limit);
            return new Page(List.copyOf(items), ReceiptCursor.after(items.get(limit - 1)));
        });
    }

    Mono<Void> delete(UUID id, UUID userId) {
        return receipts.delete(id, userId)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new ReceiptNotFoundException(id)));
    }

    Mono<Receipt> confirm(UUID id, UUID userId, ConfirmReceiptRequest corrections) {
        ConfirmReceiptRequest given = corrections == null ? ConfirmReceiptRequest.NONE : corrections;
        Mono<Receipt> work = get(id, userId).flatMap(receipt -> switch (receipt.status()) {
            case PENDING ->
                Mono.error(new NotProcessedException(receipt.status().name()));
            case CONFIRMED -> alreadyConfirmed(receipt, given);
            case PROCESSED, FAILED -> {
                ReceiptConfirmed confirmation = confirmation(receipt, given);
                yield receipts.confirm(id, userId, confirmation)
                        .flatMap(done -> done
                                ? publisher.confirmed(confirmation).then(get(id, userId))
                                : get(id, userId).flatMap(now -> alreadyConfirmed(now, given)));
            }
        });
        return inTransaction.transactional(work);
    }

    private Mono<Receipt> alreadyConfirmed(Receipt receipt, ConfirmReceiptRequest given) {
        ReceiptConfirmed again = confirmation(receipt, given);
        ReceiptConfirmed stored = receipt.confirmation();
        boolean same = stored != null
                && Objects.equals(stored.merchant(), again.merchant())
                && Objects.equals(stored.occurredOn(), again.occurredOn())
                && Objects.equals(stored.total(), again.total())
                && Objects.equals(stored.currency(), again.currency())
                && Objects.equals(stored.category(), again.category())
                && Objects.equals(stored.note(), again.note());
        return same ? Mono.just(receipt) : Mono.error(new AlreadyConfirmedException());
    }

    /**
     * The confirmation: each correction the user sent, else what OCR read. A repeated request without
     * corrections on an already confirmed receipt means "the same": it compares equal to what was stored.
     */
    private ReceiptConfirmed confirmation(Receipt receipt, ConfirmReceiptRequest given) {
        Extraction read = receipt.extraction();
        ReceiptConfirmed before = receipt.confirmation();
        String merchant = pick(given.merchant(), before, ReceiptConfirmed::merchant, read, Extraction::merchant);
        LocalDate occurredOn = pick(given.occurredOn(), before, ReceiptConfirmed::occurredOn, read, Extraction::date);
        String currency = pick(given.currency(), before, ReceiptConfirmed::currency, read, Extraction::currency);
        String category = pick(given.category(), before, ReceiptConfirmed::category, read, Extraction::category);
        String note = given.note() != null ? given.note() : before == null ? null : before.note();
        BigDecimal total = given.total() != null
                ? parseTotal(given.total())
                : before != null
                        ? new BigDecimal(before.total())
                        : read == null ? null : read.total().value();
        List<String> missing = new ArrayList<>();
        if (occurredOn == null) {
            missing.add("occurredOn");
        }
        if (total == null) {
            missing.add("total");
        }
        if (currency == null) {
            missing.add("currency");
        }
        if (category == null || category.isBlank()) {
            missing.add("category");
        }
        if (!missing.isEmpty()) {
            throw new IncompleteConfirmationException(String.join(", ", missing));
        }
        LocalDate today = LocalDate.now(clock);
        if (occurredOn.isAfter(today.plusDays(1)) || occurredOn.getYear() < 2000) {
            throw new InvalidConfirmationException("occurredOn must lie between 2000-01-01 and tomorrow.");
        }
        return new ReceiptConfirmed(
                receipt.id(),
                receipt.userId(),
                merchant == null || merchant.isBlank() ? null : merchant.strip(),
                occurredOn,
                amountText(total, currency),
                currency,
                category.strip(),
                note,
                before != null ? before.confirmedAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private static <T> T pick(
            T corrected,
            ReceiptConfirmed before,
            Function<ReceiptConfirmed, T> confirmed,
            Extraction read,
            Function<Extraction, ExtractedField<T>> field) {
        if (corrected != null) {
            return corrected;
        }
        if (before != null) {
            return confirmed.apply(before);
        }
        return read == null ? null : field.apply(read).value();
    }

    private static BigDecimal parseTotal(String text) {
        try {
            BigDecimal total = new BigDecimal(text);
            if (total.signum() <= 0) {
                throw new InvalidConfirmationException("total must be greater than zero.");
            }
            return total;
        } catch (NumberFormatException e) {
            throw new InvalidConfirmationException("total must be a decimal number such as \"23.47\".");
        }
    }

    private static String amountText(BigDecimal total, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfirmationException("currency must be an ISO 4217 code such as EUR.");
        }
        try {
            return total.setScale(Math.max(0, digits), RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException e) {
            throw new InvalidConfirmationException(
                    "total has more decimals than " + currency + " allows (" + digits + ").");
        }
    }
}
