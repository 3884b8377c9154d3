package io.mita.ocr.receipt;

import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Receipts} in a map, with the same ownership and uniqueness rules as the table. */
final class InMemoryReceipts implements Receipts {

    private final Map<UUID, Receipt> receipts = new ConcurrentHashMap<>();
    private final Map<UUID, byte[]> images = new ConcurrentHashMap<>();

    void put(Receipt receipt) {
        receipts.put(receipt.id(), receipt);
    }

    boolean hasImage(UUID id) {
        return images.containsKey(id);
    }

    int size() {
        return receipts.size();
    }

    @Override
    public synchronized Mono<Receipt> insertIfNew(Receipt receipt, byte[] image) {
        boolean duplicate = receipts.values().stream()
                .anyMatch(r -> r.userId().equals(receipt.userId()) && r.sha256().equals(receipt.sha256()));
        if (duplicate) {
            return Mono.empty();
        }
        receipts.put(receipt.id(), receipt);
        images.put(receipt.id(), image.clone());
        return Mono.just(receipt);
    }

    @Override
    public Mono<Receipt> findBySha256(UUID userId, String sha256) {
        return Mono.justOrEmpty(receipts.values().stream()
                .filter(r -> r.userId().equals(userId) && r.sha256().equals(sha256))
                .findFirst());
    }

    @Override
    public Mono<Receipt> findOwned(UUID id, UUID userId) {
        return Mono.justOrEmpty(receipts.get(id)).filter(r -> r.userId().equals(userId));
    }

    @Override
    public Flux<Receipt> page(UUID userId, ReceiptCursor after, int limit) {
        Comparator<Receipt> newestFirst = Comparator.comparing(Receipt::createdAt)
                .thenComparing(Receipt::id)
                .reversed();
        return Flux.fromStream(receipts.values().stream()
                .filter(r -> r.userId().equals(userId))
                .filter(r -> after == null
                        || r.createdAt().isBefore(after.createdAt())
                        || (r.createdAt().equals(after.createdAt()) && r.id().compareTo(after.id()) < 0))
                .sorted(newestFirst)
                .limit(limit));
    }

    @Override
    public synchronized Mono<Boolean> confirm(UUID id, UUID userId, ReceiptConfirmed confirmation) {
        Receipt r = receipts.get(id);
        if (r == null
                || !r.userId().equals(userId)
                || !(r.status() == ReceiptStatus.PROCESSED || r.status() == ReceiptStatus.FAILED)) {
            return Mono.just(false);
        }
        receipts.put(
                id,
                new Receipt(
                        r.id(),
                        r.userId(),
                        ReceiptStatus.CONFIRMED,
                        r.contentType(),
                        r.sizeBytes(),
                        r.sha256(),
                        r.width(),
                        r.height(),
                        r.extraction(),
                        r.confidence(),
                        r.failureReason(),
                        r.createdAt(),
                        r.processedAt(),
                        confirmation,
                        confirmation.confirmedAt()));
        return Mono.just(true);
    }

    @Override
    public Mono<Boolean> delete(UUID id, UUID userId) {
        Receipt r = receipts.get(id);
        if (r == null || !r.userId().equals(userId)) {
            return Mono.just(false);
        }
        receipts.remove(id);
        images.remove(id);
        return Mono.just(true);
    }
}
