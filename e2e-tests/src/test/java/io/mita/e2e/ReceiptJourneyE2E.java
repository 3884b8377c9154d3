package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

/**
 * A receipt photo's whole way through the running stack, as the app and a compliance officer see it: the photo
 * is uploaded through the gateway, read by the real Tesseract in ocr-service, confirmed by its owner, becomes one
 * expense in budget-service (from the {@code receipt.confirmed} event), and both the confirmation and the expense
 * are in the audit log. The image is one of ocr-service's generated receipts with known truth: TESCO, 22 August
 * 2019, 13.52 EUR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptJourneyE2E {

    private final MobileApp app = new MobileApp();
    private MobileApp.Account alice;
    private String aliceToken;
    private String bobToken;
    private String auditorToken;

    @BeforeAll
    void aUserAnotherUserAndAComplianceOfficer() {
        alice = app.register("receipt-alice");
        aliceToken = app.login(alice);
        bobToken = app.login(app.register("receipt-bob"));
        MobileApp.Account auditor = app.register("receipt-auditor");
        String adminToken = app.login(MobileApp.ADMIN_EMAIL, MobileApp.ADMIN_PASSWORD);
        app.grantRoles(adminToken, auditor.userId(), List.of("USER", "COMPLIANCE"));
        auditorToken = app.login(auditor);
    }

    @Test
    void aPhotographedReceiptIsReadConfirmedAndBecomesOneExpenseInTheBudgetAndTheAuditLog() throws IOException {
        String receiptPath = app.uploadReceipt(aliceToken);

        Map<?, ?> processed = awaitStatus(receiptPath, "PROCESSED");
        Map<?, ?> fields = (Map<?, ?>) processed.get("fields");
        assertThat(((Map<?, ?>) fields.get("total")).get("value")).isEqualTo("13.52");

        app.http
                .get()
                .uri(receiptPath)
                .headers(headers -> headers.setBearerAuth(bobToken))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        app.http
                .post()
                .uri(receiptPath + "/confirm")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "groceries"))
                .exchange()
                .expectStatus()
                .isOk();

        String receiptId = receiptPath.substring(receiptPath.lastIndexOf('/') + 1);
        Map<?, ?> confirmed = awaitAuditEvent(alice.userId(), "mita.ocr.receipt.confirmed.v1");
        assertThat(((Map<?, ?>) confirmed.get("data")).get("receiptId")).isEqualTo(receiptId);
        Map<?, ?> created = awaitAuditEvent(alice.userId(), "mita.budget.transaction.created.v1");
        Map<?, ?> expense = (Map<?, ?>) created.get("data");
        assertThat(expense.get("amount")).isEqualTo("13.52");
        assertThat(expense.get("category")).isEqualTo("groceries");

        List<?> items = (List<?>) app.http
                .get()
                .uri("/api/budget/transactions?from=2019-08-01&to=2019-08-31")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("items");
        assertThat(items).as("one expense per receipt").hasSize(1);
        assertThat(((Map<?, ?>) items.get(0)).get("amount")).isEqualTo("13.52");
    }

    private Map<?, ?> awaitStatus(String receiptPath, String status) {
        Map<?, ?>[] found = new Map<?, ?>[1];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    found[0] = app.http
                            .get()
                            .uri(receiptPath)
                            .headers(headers -> headers.setBearerAuth(aliceToken))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(Map.class)
                            .returnResult()
                            .getResponseBody();
                    assertThat(found[0].get("status")).as("receipt status").isNotEqualTo("FAILED");
                    return status.equals(found[0].get("status"));
                });
        return found[0];
    }

    private Map<?, ?> awaitAuditEvent(UUID subject, String type) {
        return app.awaitAuditEvent(auditorToken, subject, type);
    }
}
