package io.mita.ocr.receipt;

import io.mita.common.security.CurrentUser;
import io.mita.ocr.receipt.ReceiptProblems.FileMissingException;
import io.mita.ocr.receipt.ReceiptProblems.ImageTooLargeException;
import io.mita.ocr.receipt.ReceiptProblems.OcrUnavailableException;
import io.mita.ocr.receipt.ReceiptProblems.TooManyFilesException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/ocr/receipts}: upload (multipart {@code file}), read, list, confirm, delete. The owner is
 * always the token's {@link CurrentUser}; another user's receipt answers 404.
 */
@RestController
@RequestMapping(ReceiptController.PATH)
class ReceiptController {

    static final String PATH = "/api/ocr/receipts";
    static final String FILE_PART = "file";
    /** Room for the multipart envelope around a file of the largest accepted size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final UploadReceipt upload;
    private final ReceiptService receipts;

    ReceiptController(UploadReceipt upload, ReceiptService receipts) {
        this.upload = upload;
        this.receipts = receipts;
    }

    /**
     * 202 with the new receipt (PENDING) and its {@code Location}; 200 with the existing receipt when the
     * same user uploaded the same image before.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ReceiptResponse>> upload(CurrentUser user, ServerWebExchange exchange) {
        long max = upload.maxBytes();
        return upload.checkAvailable()
                .then(Mono.defer(() -> {
                    long declared = exchange.getRequest().getHeaders().getContentLength();
                    if (declared > max + MULTIPART_OVERHEAD) {
                        return Mono.error(new ImageTooLargeException(max));
                    }
                    return exchange.getMultipartData();
                }))
                .flatMap(parts -> {
                    List<Part> files = parts.getOrDefault(FILE_PART, List.of());
                    if (files.isEmpty()) {
                        return Mono.error(new FileMissingException());
                    }
                    if (files.size() > 1) {
                        return Mono.error(new TooManyFilesException());
                    }
                    return DataBufferUtils.join(files.get(0).content(), (int) Math.min(Integer.MAX_VALUE, max))
                            .map(buffer -> {
                                byte[] bytes = new byte[buffer.readableByteCount()];
                                buffer.read(bytes);
                                DataBufferUtils.release(buffer);
                                return bytes;
                            })
                            .defaultIfEmpty(new byte[0]);
                })
                .onErrorMap(DataBufferLimitException.class, e -> new ImageTooLargeException(max))
                .flatMap(bytes -> upload.upload(user.userId(), bytes))
                .map(uploaded -> ResponseEntity.status(uploaded.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .location(URI.create(PATH + "/" + uploaded.receipt().id()))
                        .body(ReceiptResponse.of(uploaded.receipt())))
                .doOnError(
                        OcrUnavailableException.class,
                        unavailable -> exchange.getResponse()
                                .getHeaders()
                                .set(HttpHeaders.RETRY_AFTER, retryAfter(unavailable)));
    }

    @GetMapping("/{id}")
    Mono<ReceiptResponse> get(@PathVariable UUID id, CurrentUser user) {
        return receipts.get(id, user.userId()).map(ReceiptResponse::of);
    }

    @GetMapping
    Mono<ReceiptPageResponse> list(
            CurrentUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) @Min(1) @Max(ReceiptService.MAX_LIMIT) Integer limit) {
        return receipts.list(
                        user.userId(),
                        cursor == null ? null : ReceiptCursor.decode(cursor),
                        limit == null ? ReceiptService.DEFAULT_LIMIT : limit)
                .map(ReceiptPageResponse::of);
    }

    /** Optional corrections in the body; the confirmed receipt back (also when it was confirmed before alike). */
    @PostMapping("/{id}/confirm")
    Mono<ReceiptResponse> confirm(
            @PathVariable UUID id, CurrentUser user, @Valid @RequestBody(required = false) ConfirmReceiptRequest body) {
        return receipts.confirm(id, user.userId(), body).map(ReceiptResponse::of);
    }

    /** Removes the receipt with its stored image and any pending job. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, CurrentUser user) {
        return receipts.delete(id, user.userId())
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    private static String retryAfter(OcrUnavailableException unavailable) {
        return Long.toString(unavailable.retryAfterSeconds());
    }
}
