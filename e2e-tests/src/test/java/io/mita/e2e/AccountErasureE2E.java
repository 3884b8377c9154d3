package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Account deletion reaches every service (GDPR Art. 17), through the gateway: a user with a budget (a plan, an
 * expense over it, a goal), a photographed receipt, an overspend insight, notifications and an e-mail address in
 * their preferences deletes the account with their password. Then, asked with the access token that is still valid
 * for a few minutes, budget-service, ocr-service, insights-service and notification-service each answer 401
 * {@code AUTH_ACCOUNT_ERASED} once they consumed the erasure (their tombstone; that the rows are gone is each
 * service's {@code UserErasureIT}, the token can no longer show it); the password no longer signs in; and a
 * compliance officer searching the audit log by the user's id or e-mail finds the events but nothing readable in
 * them.
 */
class AccountErasureE2E {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final MobileApp app = new MobileApp();
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    @Test
    void aDeletedAccountLeavesNothingReadableInAnyService() throws IOException {
        MobileApp.Account user = app.register("erasure");
        String token = app.login(user);
        String auditor = complianceOfficer();
        aBudgetWithAnOverspendAndAGoal(token);
        String receipt = app.uploadReceipt(token);
        app.send(token, HttpMethod.PUT, "/api/notifications/preferences", Map.of("email", user.email()))
                .expectStatus()
                .isOk();
        // the welcome, the receipt and the insight notified (the events that make them have all been consumed)
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "PROCESSED".equals(get(token, receipt).get("status"))
                        && !items(token, "/api/insights?month=" + month).isEmpty()
                        && items(token, "/api/notifications").stream()
                                .map(item -> ((Map<?, ?>) item).get("kind"))
                                .toList()
                                .containsAll(List.of("WELCOME", "RECEIPT_PROCESSED", "INSIGHT")));
        assertThat(items(token, "/api/budget/transactions")).isNotEmpty();
        assertThat(items(token, "/api/budget/goals")).isNotEmpty();
        assertThat(items(token, "/api/ocr/receipts")).isNotEmpty();
        assertThat(get(token, "/api/notifications/preferences").get("email")).isEqualTo(user.email());

        app.send(token, HttpMethod.DELETE, "/api/auth/me", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_REAUTHENTICATION_REQUIRED");
        app.send(token, HttpMethod.DELETE, "/api/auth/me", Map.of("password", user.password()))
                .expectStatus()
                .isNoContent();

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String path : List.of(
                    "/api/budget/transactions",
                    "/api/budget/goals",
                    "/api/ocr/receipts",
                    receipt,
                    "/api/insights?month=" + month,
                    "/api/notifications",
                    "/api/notifications/preferences")) {
                assertThat(refusal(token, path)).as(path).isEqualTo("401 AUTH_ACCOUNT_ERASED");
            }
        });
        app.send(token, HttpMethod.POST, "/api/budget/categories", Map.of("name", "Back again"))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_ERASED");
        app.http
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", user.email(), "password", user.password()))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_INVALID_CREDENTIALS");

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<?> events = items(auditor, "/api/audit/events?subject=" + user.userId());
            assertThat(events).isNotEmpty().allSatisfy(event -> {
                assertThat(((Map<?, ?>) event).get("data")).isNull();
                assertThat(((Map<?, ?>) event).get("personalDataErased")).isEqualTo(true);
            });
            assertThat(events)
                    .anySatisfy(
                            event -> assertThat(((Map<?, ?>) event).get("type")).isEqualTo("mita.auth.user.erased.v1"));
        });
        assertThat(items(auditor, "/api/audit/events?email=" + user.email()))
                .allSatisfy(event -> assertThat(((Map<?, ?>) event).get("data")).isNull());
    }

    private String complianceOfficer() {
        MobileApp.Account officer = app.register("erasure-auditor");
        app.grantRoles(
                app.login(MobileApp.ADMIN_EMAIL, MobileApp.ADMIN_PASSWORD),
                officer.userId(),
                List.of("USER", "COMPLIANCE"));
        return app.login(officer);
    }

    /** A plan for this month, 150.00 of groceries against 100.00 planned (a HIGH insight), and a goal. */
    private void aBudgetWithAnOverspendAndAGoal(String token) {
        app.send(
                        token,
                        HttpMethod.PUT,
                        "/api/budget/plans/" + month,
                        Map.of(
                                "income", "2000.00",
                                "currency", "EUR",
                                "savingsTarget", "200.00",
                                "categories", List.of(Map.of("category", "groceries", "amount", "100.00"))))
                .expectStatus()
                .isCreated();
        app.send(
                        token,
                        HttpMethod.POST,
                        "/api/budget/transactions",
                        Map.of(
                                "type", "EXPENSE",
                                "amount", "150.00",
                                "currency", "EUR",
                                "category", "groceries",
                                "occurredOn", LocalDate.now(ZoneOffset.UTC).toString(),
                                "merchant", "Corner Shop"))
                .expectStatus()
                .isCreated();
        app.send(
                        token,
                        HttpMethod.POST,
                        "/api/budget/goals",
                        Map.of(
                                "name", "Holiday",
                                "targetAmount", "1000.00",
                                "currency", "EUR",
                                "targetDate",
                                        LocalDate.now(ZoneOffset.UTC)
                                                .plusMonths(6)
                                                .toString()))
                .expectStatus()
                .isCreated();
    }

    private Map<?, ?> get(String token, String path) {
        return app.http
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** The status and problem code a GET answers, e.g. {@code 401 AUTH_ACCOUNT_ERASED}. */
    private String refusal(String token, String path) {
        var result = app.http
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectBody(Map.class)
                .returnResult();
        Map<?, ?> body = result.getResponseBody();
        return result.getStatus().value() + " " + (body == null ? null : body.get("code"));
    }

    private List<?> items(String token, String path) {
        return (List<?>) get(token, path).get("items");
    }
}
