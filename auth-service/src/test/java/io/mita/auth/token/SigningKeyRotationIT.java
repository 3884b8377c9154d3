package io.mita.auth.token;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.kidOf;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.loginAsBootstrapAdmin;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.config.AuthProperties;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Its own application context and database: rotations must not leak into tests that count keys. */
@MitaIntegrationTest
@TestPropertySource(properties = "mita.test.isolated-context=signing-key-rotation")
class SigningKeyRotationIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    AuthProperties properties;

    @LocalServerPort
    int port;

    private String adminToken;
    private UUID adminId;

    @BeforeEach
    void setUp() {
        client = AuthFixtures.patient(client);
        adminToken = loginAsBootstrapAdmin(client).accessToken();
        adminId = me(client, adminToken).userId();
    }

    @Test
    void tokensSignedBeforeARotationKeepWorkingAndNewOnesNameTheNewKey() throws Exception {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        String before = login(client, email).accessToken();
        String oldKid = kidOf(before);

        RotatedKeyResponse rotated = rotate(adminToken)
                .expectStatus()
                .isOk()
                .expectBody(RotatedKeyResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(rotated.previousKid()).isEqualTo(oldKid);
        assertThat(rotated.kid()).isNotEqualTo(oldKid);
        assertThat(me(client, before).userId())
                .as("the old token still verifies")
                .isEqualTo(userId);
        String after = login(client, email).accessToken();
        assertThat(kidOf(after)).isEqualTo(rotated.kid());
        assertThat(me(client, after).userId()).isEqualTo(userId);
        assertThat(publishedKids()).contains(oldKid, rotated.kid());
        assertThat(OutboxEvents.ofTypeAndSubject(db, SigningKeyRotated.TYPE, rotated.kid()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(adminId.toString());
                    assertThat(event.data()).contains(oldKid).doesNotContain("\"d\"");
                });
        assertThat(db.sql("SELECT retired_at IS NOT NULL AND NOT active AS retired FROM signing_key WHERE kid = :kid")
                        .bind("kid", oldKid)
                        .map(r -> r.get("retired", Boolean.class))
                        .one()
                        .block())
                .isTrue();
    }

    @Test
    void anotherInstanceSignsWithTheNewKeyAfterItsRefreshAndARestartLoadsIt() {
        SigningKeys otherInstance = SigningKeyFixtures.anotherInstance(repository, properties);
        String kidBefore = otherInstance.load().block(Duration.ofSeconds(10)).getKeyID();

        RotatedKeyResponse rotated = rotate(adminToken)
                .expectStatus()
                .isOk()
                .expectBody(RotatedKeyResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(otherInstance.activeKey().getKeyID())
                .as("before its refresh")
                .isEqualTo(kidBefore);
        assertThat(otherInstance.refreshActive().block(Duration.ofSeconds(10)).getKeyID())
                .isEqualTo(rotated.kid());
        assertThat(otherInstance.verificationKey(kidBefore).blockOptional()).isPresent();
        SigningKeys restarted = SigningKeyFixtures.anotherInstance(repository, properties);
        assertThat(restarted.load().block(Duration.ofSeconds(10)).getKeyID()).isEqualTo(rotated.kid());
    }

    @Test
    void concurrentRotationsHappenOneAfterTheOther() {
        WebClient web = WebClient.create("http://localhost:" + port);

        List<RotatedKeyResponse> both = Flux.range(0, 2)
                .flatMap(i -> web.post()
                        .uri("/api/auth/admin/signing-keys/rotate")
                        .headers(h -> h.setBearerAuth(adminToken))
                        .retrieve()
                        .bodyToMono(RotatedKeyResponse.class))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(both).hasSize(2);
        // a chain: one retired the key the other created
        assertThat(both.get(0).kid().equals(both.get(1).previousKid())
                        || both.get(1).kid().equals(both.get(0).previousKid()))
                .isTrue();
        assertThat(db.sql("SELECT count(*) AS n FROM signing_key WHERE active")
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isOne();
        assertThat(signingKeys.activeKey().getKeyID())
                .isIn(both.get(0).kid(), both.get(1).kid());
    }

    @Test
    void onlyAnAdminRotates() {
        String email = aUniqueEmail();
        register(client, email);
        String userToken = login(client, email).accessToken();

        assertProblem(rotate(userToken), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        assertProblem(
                client.post().uri("/api/auth/admin/signing-keys/rotate").exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec rotate(String token) {
        return client.post()
                .uri("/api/auth/admin/signing-keys/rotate")
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private List<String> publishedKids() throws Exception {
        String body = client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JWKSet.parse(body).getKeys().stream().map(JWK::getKeyID).toList();
    }
}
