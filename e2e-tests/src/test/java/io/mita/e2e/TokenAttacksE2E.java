package io.mita.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

/**
 * OWASP API2 (broken authentication): forged and altered access tokens, tried through the gateway and
 * directly against a service behind it (every service checks tokens again). Each must answer 401
 * problem+json; the control case shows the forging itself works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttacksE2E {

    private static final String BUDGET_DIRECT =
            "http://127.0.0.1:" + System.getenv().getOrDefault("BUDGET_PORT", "8082");

    private final MobileApp app = new MobileApp();
    private MobileApp.Account victim;
    private String victimToken;

    @BeforeAll
    void aVictimHasAnAccount() {
        victim = app.register("victim");
        victimToken = app.login(victim);
    }

    @Test
    void aForgedTokenWithCorrectClaimsAndTheRealKeyIsAcceptedSoTheRefusalsBelowAreAboutTheirClaims() throws Exception {
        expectAccepted(Attacker.signedWithTheLeakedKey(Attacker.Claims.validFor(victim.userId())));
    }

    @Test
    void aTokenWithAlgNoneIsRefused() {
        expectRefused(Attacker.unsigned(Attacker.Claims.validFor(victim.userId(), "USER", "ADMIN")));
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
        String jwks = app.http
                .get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String kid = jwks.replaceFirst("(?s).*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        expectRefused(Attacker.hs256WithThePublicKey(Attacker.Claims.validFor(victim.userId()), jwks, kid));
    }

    @Test
    void anExpiredTokenIsRefusedEvenWithAValidSignature() throws Exception {
        expectRefused(Attacker.signedWithTheLeakedKey(
                Attacker.Claims.validFor(victim.userId()).expiredAnHourAgo()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        expectRefused(Attacker.signedWithTheLeakedKey(
                Attacker.Claims.validFor(victim.userId()).issuer("https://evil.example")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        expectRefused(Attacker.signedWithTheLeakedKey(
                Attacker.Claims.validFor(victim.userId()).audience("another-api")));
    }

    @Test
    void aTokenWhosePayloadWasEditedIsRefused() {
        expectRefused(Attacker.withTamperedPayload(victimToken, victim.userId()));
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
        expectRefused(Attacker.signedWithAnUnknownKey(Attacker.Claims.validFor(victim.userId(), "USER", "ADMIN")));
    }

    @Test
    void aGarbageBearerValueIsRefused() {
        expectRefused("not-a-jwt");
    }

    private void expectAccepted(String token) {
        app.http
                .get()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void expectRefused(String token) {
        app.http
                .get()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
        app.direct(BUDGET_DIRECT)
                .get()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
