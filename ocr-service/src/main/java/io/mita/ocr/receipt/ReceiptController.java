package io.mita.ocr.receipt;

import io.mita.common.security.CurrentUser;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/ocr/receipts")
class ReceiptController {

    private final ReceiptService receipts;

    ReceiptController(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/{id}")
    Mono<ReceiptResponse> get(@PathVariable UUID id, CurrentUser user) {
        return receipts.get(id, user.userId());
    }
}
