package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link Plans} in a map keyed by user and month, with the version check of the real UPDATE. */
final class InMemoryPlans implements Plans {

    private record Key(UUID userId, YearMonth month) {}

    private final Map<Key, Plan> rows = new ConcurrentHashMap<>();
    private int locks;

    int locks() {
        return locks;
    }

    Plan row(UUID userId, YearMonth month) {
        return rows.get(new Key(userId, month));
    }

    @Override
    public Mono<Plan> find(UUID userId, YearMonth month) {
        return Mono.fromSupplier(() -> rows.get(new Key(userId, month)));
    }

    @Override
    public Mono<Plan> lock(UUID userId, YearMonth month) {
        return Mono.fromSupplier(() -> {
            locks++;
            return rows.get(new Key(userId, month));
        });
    }

    @Override
    public Mono<Plan> insert(Plan plan) {
        return Mono.fromSupplier(() -> {
            Plan stored = withVersion(plan, 0L);
            return rows.putIfAbsent(new Key(plan.userId(), plan.month()), stored) == null ? stored : null;
        });
    }

    @Override
    public Mono<Plan> update(Plan plan) {
        return Mono.fromSupplier(() -> {
            Key key = new Key(plan.userId(), plan.month());
            Plan stored = rows.get(key);
            if (stored == null || !stored.version().equals(plan.version())) {
                return null;
            }
            Plan saved = withVersion(plan, plan.version() + 1);
            rows.put(key, saved);
            return saved;
        });
    }

    /** Another request changes the stored plan (its version moves on). */
    void changeByAnotherRequest(UUID userId, YearMonth month) {
        Key key = new Key(userId, month);
        Plan stored = rows.get(key);
        rows.put(key, withVersion(stored, stored.version() + 1));
    }

    static Plan withVersion(Plan plan, long version) {
        return new Plan(
                plan.id(),
                plan.userId(),
                plan.month(),
                plan.currency(),
                plan.income(),
                plan.savingsTarget(),
                plan.commitments(),
                plan.allocations(),
                plan.allowOverAllocation(),
                plan.releaseCommitments(),
                plan.releaseSavings(),
                plan.createdAt(),
                plan.updatedAt(),
                version);
    }
}
