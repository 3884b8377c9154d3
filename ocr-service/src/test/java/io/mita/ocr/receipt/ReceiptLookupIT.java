package io.mita.ocr.receipt;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class ReceiptLookupIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void theOwnerReadsTheStatusOfTheirReceipt() {
        UUID owner = UUID.randomUUID();
        UUID receipt = storeReceipt(owner);
        web.get()
                .uri("/api/ocr/receipts/{id}", receipt)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(owner)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.receiptId")
                .isEqualTo(receipt.toString())
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.sizeBytes")
                .isEqualTo(2048);
    }

    @Test
    void anotherUsersReceiptAnswers404AsIfItDidNotExist() {
        UUID receipt = storeReceipt(UUID.randomUUID());
        web.get()
                .uri("/api/ocr/receipts/{id}", receipt)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("OCR_RECEIPT_NOT_FOUND");
    }

    @Test
    void aMalformedIdAnswers400() {
        web.get()
                .uri("/api/ocr/receipts/not-a-uuid")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST");
    }

    private UUID storeReceipt(UUID owner) {
        UUID id = UUID.randomUUID();
        database.sql("""
                        INSERT INTO receipt (id, user_id, status, content_type, size_bytes, sha256)
                        VALUES (:id, :user, 'PENDING', 'image/jpeg', 2048, :sha)""")
                .bind("id", id)
                .bind("user", owner)
                .bind("sha", "a".repeat(64))
                .then()
                .block();
        return id;
    }
}
