package io.mita.notification.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An in-memory {@link Notifications} for the web slice: the same owner rules as the table. */
class InMemoryNotifications implements Notifications {

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void clear() {
        entries.clear();
    }

    void add(UUID user, long seq, boolean read) {
        entries.add(new Entry(UUID.randomUUID(), seq, user, read ? Instant.now() : null, null));
    }

    UUID idOf(UUID user, long seq) {
        return entries.stream()
                .filter(e -> e.user.equals(user) && e.seq == seq)
                .findFirst()
                .orElseThrow()
                .id;
    }

    boolean isRead(UUID user, long seq) {
        return entries.stream()
                        .filter(e -> e.user.equals(user) && e.seq == seq)
                        .findFirst()
                        .orElseThrow()
                        .readAt
                != null;
    }

    @Override
    public Flux<StoredNotification> page(UUID userId, boolean unreadOnly, Long beforeSeq, int limit) {
        return Flux.fromStream(entries.stream()
                .filter(e -> e.user.equals(userId) && e.deletedAt == null)
                .filter(e -> !unreadOnly || e.readAt == null)
                .filter(e -> beforeSeq == null || e.seq < beforeSeq)
                .sorted(Comparator.comparingLong((Entry e) -> e.seq).reversed())
                .limit(limit)
                .map(Entry::stored));
    }

    @Override
    public Mono<StoredNotification> find(UUID userId, UUID id) {
        return Mono.justOrEmpty(live(userId, id).map(Entry::stored));
    }

    @Override
    public Mono<Boolean> markRead(UUID userId, UUID id) {
        return Mono.just(live(userId, id)
                .map(e -> {
                    if (e.readAt == null) {
                        e.readAt = Instant.now();
                    }
                    return true;
                })
                .orElse(false));
    }

    @Override
    public Mono<Long> markAllRead(UUID userId) {
        long marked = entries.stream()
                .filter(e -> e.user.equals(userId) && e.deletedAt == null && e.readAt == null)
                .peek(e -> e.readAt = Instant.now())
                .count();
        return Mono.just(marked);
    }

    @Override
    public Mono<Boolean> delete(UUID userId, UUID id) {
        return Mono.just(live(userId, id)
                .map(e -> {
                    e.deletedAt = Instant.now();
                    return true;
                })
                .orElse(false));
    }

    private java.util.Optional<Entry> live(UUID userId, UUID id) {
        return entries.stream()
                .filter(e -> e.id.equals(id) && e.user.equals(userId) && e.deletedAt == null)
                .findFirst();
    }

    private static final class Entry {
        final UUID id;
        final long seq;
        final UUID user;
        volatile Instant readAt;
        volatile Instant deletedAt;

        Entry(UUID id, long seq, UUID user, Instant readAt, Instant deletedAt) {
            this.id = id;
            this.seq = seq;
            this.user = user;
            this.readAt = readAt;
            this.deletedAt = deletedAt;
        }

        StoredNotification stored() {
            return new StoredNotification(
                    id, seq, user, "INSIGHT", "title " + seq, "body " + seq, readAt, Instant.now(), null);
        }
    }
}
