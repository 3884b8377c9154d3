package io.mita.audit.integrity;

import io.mita.audit.chain.ChainHash;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Signs and stores a digest of the chain as it stands: under the chain's advisory lock (no append in between),
 * it reads the previous digest and the chain head, counts the records that joined since the previous digest,
 * and signs the result with the service's Ed25519 key. The period runs from the previous digest's end (or the
 * first stored record) to now; a digest is stored even when no record joined, so that a quiet hour is on record.
 */
@Service
class DigestSigner {

    private final IntegrityStore store;
    private final DigestKeys keys;
    private final TransactionalOperator transactions;
    private final Clock clock;

    DigestSigner(IntegrityStore store, DigestKeys keys, TransactionalOperator transactions, Optional<Clock> clock) {
        this.store = store;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    Mono<Digest> signNow() {
        Mono<Digest> work = store.lockChain()
                .then(store.lastDigest().map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(previous -> store.chainHead()
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(head -> sign(previous, head)));
        return transactions.transactional(work);
    }

    private Mono<Digest> sign(Optional<Digest> previous, Optional<IntegrityStore.ChainHead> head) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long after = previous.map(Digest::lastSeq).orElse(0L);
        Long lastSeq = head.map(IntegrityStore.ChainHead::seq).orElse(null);
        byte[] lastHash = head.map(IntegrityStore.ChainHead::hash).orElseGet(ChainHash::genesis);
        Mono<long[]> joined =
                lastSeq == null || lastSeq <= after ? Mono.just(new long[] {0, 0}) : store.chainRows(after, lastSeq);
        Mono<Instant> start = previous.isPresent()
                ? Mono.just(previous.get().periodEnd())
                : store.firstReceivedAt().defaultIfEmpty(now);
        return joined.zipWhen(counted -> start).flatMap(both -> {
            long count = both.getT1()[0];
            Instant periodStart = both.getT2().isAfter(now) ? now : both.getT2();
            Digest unsigned = new Digest(
                    null,
                    periodStart,
                    now,
                    count == 0 ? null : both.getT1()[1],
                    lastSeq,
                    count,
                    lastHash,
                    previous.map(Digest::signature).orElse(null),
                    keys.keyId(),
                    null);
            return store.insert(unsigned.signed(null, keys.sign(unsigned.message())));
        });
    }
}
