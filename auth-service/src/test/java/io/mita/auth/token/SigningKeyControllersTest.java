package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The JWKS and the signing-key administration in a WebFlux slice, over keys kept in memory: the JWKS is
 * public and holds public halves only; rotation is for administrators.
 */
@MitaWebFluxTest({JwksController.class, SigningKeyController.class})
@Import(SigningKeyControllersTest.Keys.class)
class SigningKeyControllersTest {

    @Autowired
    WebTestClient client;

    @Autowired
    SigningKeys signingKeys;

    @Test
    void theJwksIsPublicAndPublishesOnlyPublicKeyParameters() {
        String kid = signingKeys.load().block().getKeyID();

        Map<String, List<Map<String, Object>>> jwks = client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(jwks.get("keys")).singleElement().satisfies(key -> {
            assertThat(key).containsEntry("kid", kid).containsEntry("kty", "RSA");
            assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void rotatingWithoutAnAccessTokenIsUnauthenticated() {
        client.post()
                .uri("/api/auth/admin/signing-keys/rotate")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
    }

    @Test
    void aUserWhoIsNoAdministratorMayNotRotate() {
        client.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                        .authorities(new SimpleGrantedAuthority("ROLE_USER")))
                .post()
                .uri("/api/auth/admin/signing-keys/rotate")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_FORBIDDEN");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Keys {

        @Bean
        InMemorySigningKeyRepository signingKeyRepository() {
            return new InMemorySigningKeyRepository();
        }

        @Bean
        SigningKeys signingKeys(InMemorySigningKeyRepository repository) {
            return new SigningKeys(
                    repository,
                    SigningKeyCipher.fromBase64(SigningKeyCipherTest.randomMasterKey()),
                    Duration.ofMinutes(15),
                    Clock.systemUTC());
        }

        @Bean
        SigningKeyRotation signingKeyRotation(SigningKeys keys, InMemorySigningKeyRepository repository) {
            return new SigningKeyRotation(
                    keys,
                    repository,
                    new SigningKeyPublisher(new RecordingOutbox()),
                    new InlineTransactions(),
                    Clock.systemUTC());
        }
    }
}
