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

    @Override
    synchronized Flux<StoredSigningKey> findPublished(Instant retiredAfter) {
        return Flux.fromIterable(rows.stream()
                .filter(key -> key.active() || key.retiredAt().isAfter(retiredAfter))
                .toList());
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
