package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

/**
 * The Foundation path, driven through the gateway of the running stack exactly as the mobile app and
 * a compliance officer would: register and log in, record a transaction, and find its event — with
 * the request's correlation id — in the audit log; plus the refusals on the way (401, 403, 404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MobileToAuditLogE2E {

    private final MobileApp app = new MobileApp();
    private MobileApp.Account alice;
    private MobileApp.Account bob;
    private MobileApp.Account auditor;
    private String aliceToken;
    private String bobToken;
    private String auditorToken;

    @BeforeAll
    void usersRegisterAndAnAdminMakesOneOfThemAComplianceOfficer() {
        alice = app.register("alice");
        bob = app.register("bob");
        auditor = app.register("auditor");
        aliceToken = app.login(alice);
        bobToken = app.login(bob);
        String adminToken = app.login(MobileApp.ADMIN_EMAIL, MobileApp.ADMIN_PASSWORD);
        app.grantRoles(adminToken, auditor.userId(), List.of("USER", "COMPLIANCE"));
        auditorToken = app.login(auditor);
    }

    @Test
    void aTransactionRecordedOnThePhoneReachesTheAuditLogWithItsCorrelationId() {
        String correlationId = "e2e-" + UUID.randomUUID();
        String location = app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .header("X-Correlation-Id", correlationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type",
                        "EXPENSE",
                        "amount",
                        "12.50",
                        "currency",
                        "EUR",
                        "category",
                        "groceries",
                        "occurredOn",
                        LocalDate.now().toString(),
                        "merchant",
                        "Corner Shop"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("X-Correlation-Id", correlationId)
                .expectBody(Map.class)
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .toString();
        String transactionId = location.substring(location.lastIndexOf('/') + 1);

        app.http
                .get()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '%s')].amount".formatted(transactionId))
                .isEqualTo("12.50");

        Map<?, ?> audited = awaitAuditEvent(alice.userId(), "mita.budget.transaction.created.v1");
        assertThat(audited.get("correlationId")).isEqualTo(correlationId);
        assertThat(audited.get("actorId")).isEqualTo(alice.userId().toString());
        assertThat(audited.get("source")).isEqualTo("/mita/budget");
        assertThat(((Map<?, ?>) audited.get("data")).get("transactionId")).isEqualTo(transactionId);
    }

    @Test
    void registrationIsAuditedFromTheAuthTopic() {
        Map<?, ?> audited = awaitAuditEvent(bob.userId(), "mita.auth.user.registered.v1");
        assertThat(audited.get("source")).isEqualTo("/mita/auth");
        assertThat(audited.toString()).doesNotContain(bob.password());
    }

    @Test
    void anotherUsersTransactionAnswers404AndStaysUntouched() {
        String location = app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type",
                        "INCOME",
                        "amount",
                        "100.00",
                        "currency",
                        "EUR",
                        "category",
                        "other",
                        "occurredOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .toString();
        String path = location.substring(location.indexOf("/api/"));

        app.http
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(bobToken))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("BUDGET_TRANSACTION_NOT_FOUND");
        app.http
                .delete()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(bobToken))
                .exchange()
                .expectStatus()
                .isNotFound();
        app.http
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.amount")
                .isEqualTo("100.00");
    }

    @Test
    void aUserCannotReadTheAuditLog() {
        app.http
                .get()
                .uri("/api/audit/events?subject={id}", alice.userId())
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_FORBIDDEN");
    }

    @Test
    void aComplianceOfficerExportsOneUsersEventsAsCsvThroughTheGatewayAndAUserMayNot() {
        awaitAuditEvent(bob.userId(), "mita.auth.user.registered.v1");

        String csv = app.http
                .get()
                .uri("/api/audit/events/export?format=csv&subject={id}", bob.userId())
                .headers(headers -> headers.setBearerAuth(auditorToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .value("Content-Disposition", value -> assertThat(value).startsWith("attachment; filename="))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(csv.split("\r\n")[0]).startsWith("eventId,source,type,subject,");
        assertThat(csv)
                .contains(",mita.auth.user.registered.v1," + bob.userId() + ",")
                .doesNotContain(bob.password());
        app.http
                .get()
                .uri("/api/audit/events/export?format=ndjson&subject={id}", bob.userId())
                .headers(headers -> headers.setBearerAuth(bobToken))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_FORBIDDEN");
    }

    @Test
    void noTokenMeans401WithProblemJsonAndACorrelationId() {
        app.http
                .get()
                .uri("/api/audit/events?subject={id}", alice.userId())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
        app.http.get().uri("/api/budget/transactions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theOcrInsightsAndNotificationServicesAreRoutedAndAnswerForTheCaller() {
        app.http
                .get()
                .uri("/api/ocr/receipts/{id}", UUID.randomUUID())
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("OCR_RECEIPT_NOT_FOUND");
        app.http
                .get()
                .uri("/api/insights?month={month}", LocalDate.now().toString().substring(0, 7))
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isArray();
        // alice's unread notifications include the welcome that notification-service makes of user.registered
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> app.http
                        .get()
                        .uri("/api/notifications/unread-count")
                        .headers(headers -> headers.setBearerAuth(aliceToken))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.count")
                        .value(count -> assertThat(((Number) count).intValue()).isPositive()));
    }

    private Map<?, ?> awaitAuditEvent(UUID subject, String type) {
        return app.awaitAuditEvent(auditorToken, subject, type);
    }
}
