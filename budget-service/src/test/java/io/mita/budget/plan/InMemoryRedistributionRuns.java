package io.mita.budget.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link RedistributionRuns} in memory; a threshold is claimed once per user, month, category and percent. */
final class InMemoryRedistributionRuns implements RedistributionRuns {

    private final List<RedistributionRun> runs = new CopyOnWriteArrayList<>();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final List<Threshold> claimsAsked = new CopyOnWriteArrayList<>();

    /** Every threshold a caller asked to claim, claimed or not, in order. */
    List<Threshold> claimsAsked() {
        return List.copyOf(claimsAsked);
    }

    List<RedistributionRun> all() {
        return List.copyOf(runs);
    }

    @Override
    public Mono<Void> record(RedistributionRun run) {
        return Mono.fromRunnable(() -> runs.add(run));
    }

    @Override
    public Flux<RedistributionRun> list(UUID userId, YearMonth month, int limit) {
        return Flux.fromStream(runs.stream()
                .filter(run -> run.userId().equals(userId) && run.month().equals(month))
                .sorted(Comparator.comparing(RedistributionRun::createdAt).reversed())
                .limit(limit));
    }

    @Override
    public Flux<Threshold> claimThresholds(UUID userId, YearMonth month, List<Threshold> thresholds, Instant now) {
        claimsAsked.addAll(thresholds);
        return Flux.fromIterable(thresholds)
                .filter(threshold ->
                        claimed.add(userId + "/" + month + "/" + threshold.category() + "/" + threshold.percent()));
    }
}
