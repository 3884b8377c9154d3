package io.mita.auth.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signing_key table's contract in memory, for unit tests of what sits above it (ITs use PostgreSQL). */
class InMemorySigningKeyRepository extends SigningKeyRepository {

    final List<StoredSigningKey> rows = new ArrayList<>();

    InMemorySigningKeyRepository() {
        super(null);
    }

    @Override
    synchronized Mono<StoredSigningKey> findActive() {
        return Mono.justOrEmpty(rows.stream().filter(StoredSigningKey::active).findFirst());
    }

    private int publishedQueries;

    /** How many times the published keys were read. */
    synchronized int publishedQueries() {
        return publishedQueries;
    }

    @Override
    synchronized Flux<StoredSigningKey> findPublished(Instant retiredAfter) {
        publishedQueries++;
        return Flux.fromIterable(rows.stream()
                .filter(key -> key.active() || key.retiredAt().isAfter(retiredAfter))
                .toList());
    }

    @Override
    Mono<Void> lockForRotation() {
        return Mono.empty();
    }

    @Override
    synchronized Mono<String> retireActive(Instant now) {
        for (int i = 0; i < rows.size(); i++) {
            StoredSigningKey key = rows.get(i);
            if (key.active()) {
                rows.set(
                        i,
                        new StoredSigningKey(
                                key.kid(),
                                key.algorithm(),
                                key.publicJwk(),
                                key.privateKeyEncrypted(),
                                key.iv(),
                                key.createdAt(),
                                false,
                                now,
                                key.createdUnderDevelopmentKey()));
                return Mono.just(key.kid());
            }
        }
        return Mono.empty();
    }

    @Override
    synchronized Mono<Void> markCreatedUnderDevelopmentKey(String kid) {
        rows.replaceAll(key -> key.kid().equals(kid)
                ? new StoredSigningKey(
                        key.kid(),
                        key.algorithm(),
                        key.publicJwk(),
                        key.privateKeyEncrypted(),
                        key.iv(),
                        key.createdAt(),
                        key.active(),
                        key.retiredAt(),
                        true)
                : key);
        return Mono.empty();
    }

    @Override
    synchronized Mono<Void> insert(StoredSigningKey key) {
        if (key.active() && rows.stream().anyMatch(StoredSigningKey::active)) {
            return Mono.error(new DuplicateKeyException("signing_key_one_active"));
        }
        rows.add(key);
        return Mono.empty();
    }
}
