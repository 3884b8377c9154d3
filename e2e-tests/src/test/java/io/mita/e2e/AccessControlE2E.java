package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

/**
 * OWASP API1/API3/API5 (object- and function-level authorisation, mass assignment, excessive data
 * exposure), through the gateway as the app would call it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlE2E {

    private final MobileApp app = new MobileApp();
    private MobileApp.Account alice;
    private MobileApp.Account bob;
    private String aliceToken;
    private String bobToken;

    @BeforeAll
    void twoUsers() {
        alice = app.register("alice");
        bob = app.register("bob");
        aliceToken = app.login(alice);
        bobToken = app.login(bob);
    }

    @Test
    void aUserCannotGrantRoles() {
        app.http
                .put()
                .uri("/api/auth/admin/users/{id}/roles", bob.userId())
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("USER", "ADMIN")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_FORBIDDEN");
    }

    @Test
    void aUserCannotQueryOrReadTheAuditLog() {
        app.http
                .get()
                .uri("/api/audit/events?subject={id}", bob.userId())
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isForbidden();
        app.http
                .get()
                .uri("/api/audit/events/{id}", UUID.randomUUID())
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anotherUserCannotReadChangeOrDeleteATransactionByItsId() {
        String path = aliceCreates(Map.of(
                "type",
                "EXPENSE",
                "amount",
                "42.00",
                "currency",
                "EUR",
                "category",
                "housing",
                "occurredOn",
                LocalDate.now().toString()));

        app.http
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(bobToken))
                .exchange()
                .expectStatus()
                .isNotFound();
        app.http
                .patch()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(bobToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amount", "0.01"))
                .exchange()
                .expectStatus()
                .isNotFound();
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
                .isEqualTo("42.00");
    }

    @Test
    void rolesSentAtRegistrationAreIgnored() {
        String email = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.mita.local";
        // no word of the e-mail in the password: auth-service refuses personal details (AUTH_PASSWORD_TOO_WEAK)
        String password = "violet harbour lanterns " + UUID.randomUUID();
        app.http
                .post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "email",
                        email,
                        "password",
                        password,
                        "roles",
                        List.of("ADMIN", "COMPLIANCE"),
                        "userId",
                        UUID.randomUUID().toString()))
                .exchange()
                .expectStatus()
                .isCreated();
        String token = app.login(email, password);

        app.http
                .get()
                .uri("/api/auth/me")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles")
                .isEqualTo(List.of("USER"));
    }

    @Test
    void aUserIdSentInATransactionBodyIsIgnored() {
        String path = aliceCreates(Map.of(
                "type",
                "EXPENSE",
                "amount",
                "5.00",
                "currency",
                "EUR",
                "category",
                "dining",
                "occurredOn",
                LocalDate.now().toString(),
                "userId",
                bob.userId().toString()));

        app.http
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk();
        app.http
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(bobToken))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void answersLeakNoPasswordHashNorAnotherUsersIds() {
        String me = app.http
                .get()
                .uri("/api/auth/me")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(me)
                .doesNotContainIgnoringCase("password")
                .doesNotContain("$argon2")
                .doesNotContain(bob.userId().toString());

        // a transaction names one of its owner's categories: bob's own, which alice must never see
        app.http
                .post()
                .uri("/api/budget/categories")
                .headers(headers -> headers.setBearerAuth(bobToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "bob-only"))
                .exchange()
                .expectStatus()
                .isCreated();
        app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(bobToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type",
                        "EXPENSE",
                        "amount",
                        "1.00",
                        "currency",
                        "EUR",
                        "category",
                        "bob-only",
                        "occurredOn",
                        LocalDate.now().toString()))
                .exchange()
                .expectStatus()
                .isCreated();
        String aliceList = app.http
                .get()
                .uri("/api/budget/transactions?limit=200")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(aliceList).doesNotContain(bob.userId().toString()).doesNotContain("bob-only");

        String failedLogin = app.http
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", alice.email(), "password", "wrong password for sure"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(failedLogin).doesNotContain(alice.userId().toString()).doesNotContain("$argon2");
    }

    private String aliceCreates(Map<String, String> body) {
        String location = app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(aliceToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .toString();
        return location.substring(location.indexOf("/api/"));
    }
}
