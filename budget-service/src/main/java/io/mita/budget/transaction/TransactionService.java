package io.mita.budget.transaction;

import io.mita.budget.category.KnownCategories;
import io.mita.budget.category.UnknownCategoryException;
import io.mita.budget.plan.SpendingChanges;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The transaction use cases. Each one is one database transaction that holds the row change, the
 * idempotency claim and the outbox event together. Every read and write is scoped to the caller's
 * user id: someone else's transaction is indistinguishable from a missing one. A category a client names
 * must be one of the user's active categories (422 {@code UNKNOWN_CATEGORY}) and is stored as that category's
 * key; every change of an expense redistributes its month in the same database transaction
 * ({@link SpendingChanges}).
 */
@Service
class TransactionService {

    private final TransactionRepository transactions;
    private final NewTransactions newTransactions;
    private final TransactionListing listing;
    private final IdempotencyKeys idempotencyKeys;
    private final TransactionPublisher publisher;
    private final KnownCategories categories;
    private final SpendingChanges spendingChanges;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    TransactionService(
            TransactionRepository transactions,
            NewTransactions newTransactions,
            TransactionListing listing,
            IdempotencyKeys idempotencyKeys,
            TransactionPublisher publisher,
            KnownCategories categories,
            SpendingChanges spendingChanges,
            TransactionalOperator inTransaction,
            Clock clock) {
        this.transactions = transactions;
        this.newTransactions = newTransactions;
        this.listing = listing;
        this.idempotencyKeys = idempotencyKeys;
        this.publisher = publisher;
        this.categories = categories;
        this.spendingChanges = spendingChanges;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    /**
     * Records a transaction. With an idempotency key, a repeated request (same key, same content) answers
     * the transaction the first one made, without a second row or event; the same key with other content
     * is refused. If that first transaction has been deleted since, the replay answers 404 like any read
     * of it would.
     */
    Mono<Transaction> create(UUID userId, TransactionDraft draft, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        Instant now = now();
        Mono<Transaction> work = idempotencyKey == null
                ? insert(userId, id, draft, now)
                : newTransactions
                        .insertIfClaimed(
                                Transaction.record(id, userId, draft, now), idempotencyKey, draft.fingerprint())
                        .flatMap(keyed -> !keyed.claimed()
                                ? replay(userId, idempotencyKey, draft.fingerprint())
                                : recorded(userId, id, draft, now, Mono.justOrEmpty(keyed.inserted())));
        return inTransaction.transactional(publisher.together(work));
    }

    /**
     * Records a transaction at most once per claim, for work that is not an API request (a confirmed receipt):
     * in one database transaction, {@code claim} is asked to claim the new transaction's id (answering false
     * when its claim was made before: a concurrent claim waits until the first transaction ends), and only a
     * successful claim inserts the row and its created event. Empty when the claim had been made before.
     */
    Mono<Transaction> createOnce(UUID userId, TransactionDraft draft, String fallbackCategory, Claim claim) {
        UUID id = UUID.randomUUID();
        Instant now = now();
        // the category the receipt names if the user has it active, else the fallback: a receipt confirmed in the
        // app with a category the user has archived since must still become an expense, not a dead letter
        Mono<TransactionDraft> categorised = categories
                .activeKey(userId, draft.category())
                .onErrorResume(
                        UnknownCategoryException.class, unknown -> categories.activeKey(userId, fallbackCategory))
                .map(draft::withCategory);
        Mono<Transaction> work = claim.claim(id, now)
                .flatMap(claimed ->
                        claimed ? categorised.flatMap(known -> insert(userId, id, known, now)) : Mono.empty());
        return inTransaction.transactional(publisher.together(work));
    }

    /** A claim that makes {@link #createOnce} idempotent, e.g. the receipt inbox. */
    @FunctionalInterface
    interface Claim {
        Mono<Boolean> claim(UUID transactionId, Instant now);
    }

    Mono<Transaction> get(UUID userId, UUID id) {
        return live(userId, id);
    }

    Mono<TransactionPage> list(TransactionQuery query) {
        return listing.page(query);
    }

    /**
     * Applies a patch. {@code expectedVersion} (from If-Match) must match when given; a concurrent change
     * between read and write is caught by the version check of the UPDATE. A patch that changes nothing
     * writes nothing and publishes nothing.
     */
    Mono<Transaction> update(UUID userId, UUID id, UpdateTransactionRequest patch, Long expectedVersion) {
        Mono<Transaction> work = live(userId, id).flatMap(current -> {
            checkVersion(current, expectedVersion);
            TransactionDraft patched = patch.applyTo(current.content());
            Mono<TransactionDraft> checked = patched.category().equals(current.category())
                    ? Mono.just(patched) // an archived category stays valid for what already names it
                    : categories.activeKey(userId, patched.category()).map(patched::withCategory);
            return checked.flatMap(changed -> {
                if (changed.equals(current.content())) {
                    return Mono.just(current);
                }
                return transactions
                        .save(current.withContent(changed, now()))
                        .flatMap(saved -> publisher.updated(saved).thenReturn(saved))
                        .flatMap(saved -> spendingChanged(current, saved).thenReturn(saved));
            });
        });
        return inTransaction
                .transactional(publisher.together(work))
                .onErrorMap(OptimisticLockingFailureException.class, e -> new TransactionVersionConflictException(id));
    }

    /** Soft-deletes: the row stays (for events and audits) but is gone for every read. */
    Mono<Void> delete(UUID userId, UUID id) {
        Mono<Void> work = live(userId, id)
                .flatMap(current -> transactions.save(current.deleted(now())))
                .flatMap(deleted -> publisher.deleted(deleted).then(spendingChanged(deleted)));
        return inTransaction
                .transactional(publisher.together(work))
                .onErrorMap(OptimisticLockingFailureException.class, e -> new TransactionVersionConflictException(id));
    }

    /**
     * Inserts the row with its category check in one statement ({@link NewTransactions}; with an idempotency key the
     * key's claim is part of it too, {@link NewTransactions#insertIfClaimed}); only when that finds no
     * active category does the category feature answer ({@link KnownCategories#activeKey}: it seeds a new user's
     * defaults, or refuses an unknown or archived category), and the insert is tried once more.
     */
    private Mono<Transaction> insert(UUID userId, UUID id, TransactionDraft draft, Instant now) {
        return recorded(
                userId,
                id,
                draft,
                now,
                newTransactions.insertIfCategoryActive(Transaction.record(id, userId, draft, now)));
    }

    /**
     * After the first insert ({@code firstInsert}, empty when it found no active category): the fall-back through
     * the category feature, then the created event and the month's redistribution.
     */
    private Mono<Transaction> recorded(
            UUID userId, UUID id, TransactionDraft draft, Instant now, Mono<Transaction> firstInsert) {
        return firstInsert
                .switchIfEmpty(Mono.defer(() -> categories
                        .activeKey(userId, draft.category())
                        .flatMap(key -> newTransactions.insertIfCategoryActive(
                                Transaction.record(id, userId, draft.withCategory(key), now)))
                        .switchIfEmpty(Mono.error(() ->
                                new UnknownCategoryException(draft.category().strip())))))
                .flatMap(saved -> publisher.created(saved).thenReturn(saved))
                .flatMap(saved -> spendingChanged(saved).thenReturn(saved));
    }

    /** Redistributes the months of the expenses among these versions of a transaction (incomes are no spending). */
    private Mono<Void> spendingChanged(Transaction... versions) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (Transaction version : versions) {
            if (version.type() == TransactionType.EXPENSE) {
                days.add(version.occurredOn());
            }
        }
        return days.isEmpty() ? Mono.empty() : spendingChanges.changed(versions[0].userId(), days);
    }

    private Mono<Transaction> replay(UUID userId, String key, String fingerprint) {
        return idempotencyKeys
                .find(userId, key)
                .flatMap(claim -> claim.requestHash().equals(fingerprint)
                        ? live(userId, claim.transactionId())
                        : Mono.error(new IdempotencyKeyReusedException()));
    }

    private Mono<Transaction> live(UUID userId, UUID id) {
        return transactions
                .findByIdAndUserIdAndDeletedAtIsNull(id, userId)
                .switchIfEmpty(Mono.error(() -> new TransactionNotFoundException(id)));
    }

    private static void checkVersion(Transaction current, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new TransactionVersionConflictException(current.id());
        }
    }

    /** PostgreSQL keeps microseconds: truncating here makes a replayed answer equal the first one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
