package io.mita.budget.transaction;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link IdempotencyKeys} in a map: one claim per (user, key), the first one wins. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record UserKey(UUID userId, String key) {}

    private final Map<UserKey, Claim> claims = new ConcurrentHashMap<>();

    @Override
    public Mono<Boolean> claim(UUID userId, String key, String requestHash, UUID transactionId, Instant now) {
        return Mono.fromSupplier(
                () -> claims.putIfAbsent(new UserKey(userId, key), new Claim(requestHash, transactionId)) == null);
    }

    @Override
    public Mono<Claim> find(UUID userId, String key) {
        return Mono.justOrEmpty(claims.get(new UserKey(userId, key)));
    }
}
