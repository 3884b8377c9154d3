package io.mita.ocr.receipt;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The receipt lookup with an in-memory store: the owner's receipt, problem+json for everything else. */
@MitaWebFluxTest(ReceiptController.class)
@Import(ReceiptControllerTest.InMemoryReceipts.class)
class ReceiptControllerTest {

    static final UUID ALICE = UUID.randomUUID();
    static final UUID RECEIPT = UUID.randomUUID();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryReceipts {

        @Bean
        ReceiptService receiptService() {
            Receipts stored = (id, userId) -> id.equals(RECEIPT) && userId.equals(ALICE)
                    ? Mono.just(new ReceiptResponse(
                            RECEIPT,
                            "UPLOADED",
                            "image/jpeg",
                            2048,
                            OffsetDateTime.of(2026, 1, 15, 9, 30, 0, 0, ZoneOffset.UTC)))
                    : Mono.empty();
            return new ReceiptService(stored);
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void answersTheOwnersReceipt() {
        receipt(ALICE, RECEIPT.toString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.receiptId")
                .isEqualTo(RECEIPT.toString())
                .jsonPath("$.status")
                .isEqualTo("UPLOADED");
    }

    @Test
    void someoneElsesReceiptIs404LikeAMissingOne() {
        expectProblem(receipt(UUID.randomUUID(), RECEIPT.toString()), 404, "OCR_RECEIPT_NOT_FOUND");
        expectProblem(receipt(ALICE, UUID.randomUUID().toString()), 404, "OCR_RECEIPT_NOT_FOUND");
    }

    @Test
    void anIdThatIsNoUuidIs400MalformedRequest() {
        expectProblem(receipt(ALICE, "not-a-uuid"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        expectProblem(web.get().uri("/api/ocr/receipts/" + RECEIPT).exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec receipt(UUID user, String id) {
        return web.get()
                .uri("/api/ocr/receipts/" + id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }
}
