package io.mita.budget.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link MonthCells} in maps: daily allocations as stored, spending as the test records it. */
final class InMemoryMonthCells implements MonthCells {

    private record Key(UUID userId, YearMonth month) {}

    private final Map<Key, Map<String, long[]>> allocations = new ConcurrentHashMap<>();
    private final Map<Key, Map<String, long[]>> spending = new ConcurrentHashMap<>();
    private int writes;

    int writes() {
        return writes;
    }

    /** Records an expense (in the plan's currency) the way the transaction table would hold it. */
    void spend(UUID userId, LocalDate day, String category, long minor) {
        YearMonth month = YearMonth.from(day);
        spending.computeIfAbsent(new Key(userId, month), key -> new HashMap<>())
                .computeIfAbsent(category, key -> new long[month.lengthOfMonth()])[day.getDayOfMonth() - 1] += minor;
    }

    Map<String, long[]> stored(UUID userId, YearMonth month) {
        return allocations.getOrDefault(new Key(userId, month), Map.of());
    }

    @Override
    public Mono<Map<String, long[]>> allocations(UUID userId, YearMonth month) {
        return Mono.fromSupplier(() -> copy(allocations.getOrDefault(new Key(userId, month), Map.of())));
    }

    @Override
    public Mono<Void> replaceAllocations(UUID userId, YearMonth month, Map<String, long[]> replacement) {
        return Mono.fromRunnable(() -> {
            writes++;
            allocations.put(new Key(userId, month), copy(replacement));
        });
    }

    @Override
    public Mono<Map<String, long[]>> spending(UUID userId, YearMonth month, Currency currency) {
        return Mono.fromSupplier(() -> copy(spending.getOrDefault(new Key(userId, month), Map.of())));
    }

    private static Map<String, long[]> copy(Map<String, long[]> cells) {
        Map<String, long[]> copy = new LinkedHashMap<>();
        cells.forEach((category, amounts) -> copy.put(category, amounts.clone()));
        return copy;
    }
}
