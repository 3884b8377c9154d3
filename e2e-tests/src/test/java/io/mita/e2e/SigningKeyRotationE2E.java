package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Key rotation across the whole system: after an ADMIN rotates auth-service's signing key, tokens
 * signed before keep working at the gateway and behind it, and new tokens carry the new key id.
 */
class SigningKeyRotationE2E {

    private final MobileApp app = new MobileApp();

    @Test
    void tokensIssuedBeforeARotationKeepWorkingAndNewOnesUseTheNewKey() {
        MobileApp.Account user = app.register("rotation");
        String before = app.login(user);
        String adminToken = app.login(MobileApp.ADMIN_EMAIL, MobileApp.ADMIN_PASSWORD);

        Map<?, ?> rotated = app.http
                .post()
                .uri("/api/auth/admin/signing-keys/rotate")
                .headers(headers -> headers.setBearerAuth(adminToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(rotated.get("previousKid")).isEqualTo(kidOf(before));
        assertThat(rotated.get("kid")).isNotEqualTo(rotated.get("previousKid"));

        String after = app.login(user);
        assertThat(kidOf(after)).isEqualTo(rotated.get("kid"));

        for (String token : new String[] {before, after}) {
            app.http
                    .get()
                    .uri("/api/auth/me")
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isOk();
            app.http
                    .get()
                    .uri("/api/budget/transactions")
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        app.http
                .get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(jwks -> assertThat(jwks)
                        .contains((String) rotated.get("kid"))
                        .contains((String) rotated.get("previousKid")));
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return header.replaceFirst(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
