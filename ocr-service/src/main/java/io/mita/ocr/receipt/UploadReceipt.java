package io.mita.ocr.receipt;

import io.mita.ocr.engine.Recognition;
import io.mita.ocr.image.ImageFacts;
import io.mita.ocr.image.ImageInspector;
import io.mita.ocr.image.RejectedImageException;
import io.mita.ocr.receipt.ReceiptProblems.EmptyFileException;
import io.mita.ocr.receipt.ReceiptProblems.ImageTooLargeException;
import io.mita.ocr.receipt.ReceiptProblems.OcrUnavailableException;
import io.mita.ocr.receipt.ReceiptProblems.RejectedImageProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes a receipt image in: refuses it while the engine's circuit is open (503 at once, before the body is
 * read), checks it without decoding ({@link ImageInspector}), stores it with its SHA-256 and queues its OCR
 * job with the {@code uploaded} event, all in one transaction. The same image uploaded again by the same
 * user answers the receipt it already made (docs/ocr.md, "Upload").
 */
@Service
class UploadReceipt {

    /** The receipt and whether this upload created it (false: the same image was uploaded before). */
    record Uploaded(Receipt receipt, boolean created) {}

    private final Receipts receipts;
    private final ReceiptPublisher publisher;
    private final ImageInspector inspector;
    private final Recognition engine;
    private final TransactionalOperator inTransaction;
    private final Clock clock;
    private final long maxBytes;

    UploadReceipt(
            Receipts receipts,
            ReceiptPublisher publisher,
            ImageInspector inspector,
            Recognition engine,
            TransactionalOperator inTransaction,
            Clock clock,
            io.mita.ocr.config.OcrProperties properties) {
        this.receipts = receipts;
        this.publisher = publisher;
        this.inspector = inspector;
        this.engine = engine;
        this.inTransaction = inTransaction;
        this.clock = clock;
        this.maxBytes = properties.upload().maxSize().toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Fails with 503 OCR_UNAVAILABLE while the engine's circuit breaker is open. */
    Mono<Void> checkAvailable() {
        return Mono.defer(() -> engine.unavailableFor()
                .<Mono<Void>>map(wait -> Mono.error(new OcrUnavailableException(Math.max(1, wait.toSeconds()))))
                .orElse(Mono.empty()));
    }

    Mono<Uploaded> upload(UUID userId, byte[] bytes) {
        return Mono.fromCallable(() -> check(bytes)).flatMap(facts -> {
            String sha256 = sha256(bytes);
            Receipt receipt = Receipt.uploaded(
                    UUID.randomUUID(),
                    userId,
                    facts.format().mediaType(),
                    bytes.length,
                    sha256,
                    facts.width(),
                    facts.height(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            Mono<Uploaded> work = receipts.insertIfNew(receipt, bytes)
                    .flatMap(inserted -> publisher.uploaded(inserted).thenReturn(new Uploaded(inserted, true)))
                    .switchIfEmpty(Mono.defer(() ->
                            receipts.findBySha256(userId, sha256).map(existing -> new Uploaded(existing, false))));
            return inTransaction.transactional(work);
        });
    }

    private ImageFacts check(byte[] bytes) {
        if (bytes.length == 0) {
            throw new EmptyFileException();
        }
        if (bytes.length > maxBytes) {
            throw new ImageTooLargeException(maxBytes);
        }
        try {
            return inspector.inspect(bytes);
        } catch (RejectedImageException rejected) {
            throw new RejectedImageProblem(rejected);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
