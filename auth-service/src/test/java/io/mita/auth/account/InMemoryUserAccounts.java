package io.mita.auth.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The user_account table in memory (unique e-mail, password replacement), for unit tests of use cases. */
public final class InMemoryUserAccounts implements UserAccountRepository {

    private final Map<UUID, UserAccount> rows = new LinkedHashMap<>();

    /** Stores an account as a lockout left it: {@code lockedUntil} may be null. */
    public synchronized UserAccount add(String email, String passwordHash, Instant lockedUntil) {
        UserAccount account =
                new UserAccount(UUID.randomUUID(), email, null, passwordHash, Instant.EPOCH, 0, lockedUntil, 0L);
        rows.put(account.id(), account);
        return account;
    }

    public synchronized Optional<UserAccount> byId(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Mono<UserAccount> findByEmail(String email) {
        return Mono.justOrEmpty(
                rows.values().stream().filter(a -> a.email().equals(email)).findFirst());
    }

    @Override
    public synchronized Mono<Boolean> existsByEmail(String email) {
        return Mono.just(rows.values().stream().anyMatch(a -> a.email().equals(email)));
    }

    @Override
    public synchronized Mono<Integer> updatePasswordHash(UUID id, String passwordHash) {
        UserAccount old = rows.get(id);
        if (old == null) {
            return Mono.just(0);
        }
        rows.put(
                id,
                new UserAccount(
                        id,
                        old.email(),
                        old.displayName(),
                        passwordHash,
                        old.createdAt(),
                        old.failedAttempts(),
                        old.lockedUntil(),
                        old.version() == null ? 1L : old.version() + 1));
        return Mono.just(1);
    }

    @Override
    public synchronized <S extends UserAccount> Mono<S> save(S account) {
        if (rows.values().stream().anyMatch(a -> a.email().equals(account.email()) && !a.id().equals(account.id()))) {
            return Mono.error(new org.springframework.dao.DuplicateKeyException("user_account_email_key"));
        }
        rows.put(account.id(), account);
        return Mono.just(account);
    }

    @Override
    public <S extends UserAccount> Flux<S> saveAll(Iterable<S> accounts) {
        return Flux.fromIterable(accounts).concatMap(this::save);
    }

    @Override
    public <S extends UserAccount> Flux<S> saveAll(Publisher<S> accounts) {
        return Flux.from(accounts).concatMap(this::save);
    }

    @Override
    public synchronized Mono<UserAccount> findById(UUID id) {
        return Mono.justOrEmpty(rows.get(id));
    }

    @Override
    public Mono<UserAccount> findById(Publisher<UUID> id) {
        return Mono.from(id).flatMap(this::findById);
    }

    @Override
    public synchronized Mono<Boolean> existsById(UUID id) {
        return Mono.just(rows.containsKey(id));
    }

    @Override
    public Mono<Boolean> existsById(Publisher<UUID> id) {
        return Mono.from(id).flatMap(this::existsById);
    }

    @Override
    public synchronized Flux<UserAccount> findAll() {
        return Flux.fromIterable(new ArrayList<>(rows.values()));
    }

    @Override
    public Flux<UserAccount> findAllById(Iterable<UUID> ids) {
        return Flux.fromIterable(ids).concatMap(this::findById);
    }

    @Override
    public Flux<UserAccount> findAllById(Publisher<UUID> ids) {
        return Flux.from(ids).concatMap(this::findById);
    }

    @Override
    public synchronized Mono<Long> count() {
        return Mono.just((long) rows.size());
    }

    @Override
    public synchronized Mono<Void> deleteById(UUID id) {
        rows.remove(id);
        return Mono.empty();
    }

    @Override
    public Mono<Void> deleteById(Publisher<UUID> id) {
        return Mono.from(id).flatMap(this::deleteById);
    }

    @Override
    public Mono<Void> delete(UserAccount account) {
        return deleteById(account.id());
    }

    @Override
    public Mono<Void> deleteAllById(Iterable<? extends UUID> ids) {
        return Flux.fromIterable(ids).concatMap(this::deleteById).then();
    }

    @Override
    public Mono<Void> deleteAll(Iterable<? extends UserAccount> accounts) {
        return Flux.fromIterable(accounts).concatMap(this::delete).then();
    }

    @Override
    public Mono<Void> deleteAll(Publisher<? extends UserAccount> accounts) {
        return Flux.from(accounts).concatMap(this::delete).then();
    }

    @Override
    public synchronized Mono<Void> deleteAll() {
        rows.clear();
        return Mono.empty();
    }

    /** Every stored account, in insertion order. */
    public synchronized List<UserAccount> all() {
        return List.copyOf(rows.values());
    }
}
