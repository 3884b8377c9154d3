package io.mita.auth.session;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.refresh;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.AuthFixtures;
import io.mita.auth.AuthFixtures.Tokens;
import io.mita.auth.OutboxEvents;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The signed-in user's sessions over HTTP on PostgreSQL: list, end one, end all others. */
@MitaIntegrationTest
class SessionsIT {

    private static final String FIREFOX_ANDROID =
            "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    record Session(
            UUID id,
            String deviceName,
            Instant createdAt,
            Instant lastUsedAt,
            String approximateLocation,
            boolean current) {}

    @Test
    void listsTheOpenSessionsWithDeviceNetworkAndWhichOneIsCurrent() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens phone = login(email, Map.of("X-Device-Name", "Ann's phone", "X-Forwarded-For", "198.51.100.23"));
        Tokens laptop = login(email, Map.of("User-Agent", FIREFOX_ANDROID, "X-Forwarded-For", "2001:db8:1234:5678::9"));

        List<Session> sessions = sessions(laptop.accessToken());

        assertThat(sessions).hasSize(2);
        Session current = sessions.stream().filter(Session::current).findFirst().orElseThrow();
        Session other = sessions.stream().filter(s -> !s.current()).findFirst().orElseThrow();
        assertThat(current.deviceName()).isEqualTo("Firefox on Android");
        assertThat(current.approximateLocation()).isEqualTo("2001:db8:1234::/48");
        assertThat(other.deviceName()).isEqualTo("Ann's phone");
        assertThat(other.approximateLocation()).isEqualTo("198.51.100.0/24");
        assertThat(other.createdAt()).isNotNull();
        assertThat(db.sql("SELECT count(*) AS n FROM user_session WHERE network LIKE '198.51.100.23%'")
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .as("the exact address is never stored")
                .isZero();
        assertThat(phone.refreshToken()).isNotBlank();
    }

    @Test
    void aRefreshMovesLastUsedAndTheNetworkAndKeepsTheSession() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens first = login(email, Map.of("X-Forwarded-For", "198.51.100.23"));
        Session before = sessions(first.accessToken()).get(0);

        Tokens next = client.post()
                .uri("/api/auth/refresh")
                .header("X-Forwarded-For", "203.0.113.9")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", first.refreshToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();

        Session after = sessions(next.accessToken()).get(0);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.current()).isTrue();
        assertThat(after.approximateLocation()).isEqualTo("203.0.113.0/24");
        assertThat(after.lastUsedAt()).isAfterOrEqualTo(before.lastUsedAt());
    }

    @Test
    void aForwardedForFromAnUntrustedPeerIsNotBelievedButTheGatewaysIs() {
        String email = aUniqueEmail();
        register(client, email);
        // the test client is the TCP peer on loopback, trusted like the gateway: the right-most entry counts,
        // entries left of it are whatever the client wrote
        Tokens tokens = login(email, Map.of("X-Forwarded-For", "192.0.2.66, 198.51.100.23"));

        assertThat(sessions(tokens.accessToken()).get(0).approximateLocation()).isEqualTo("198.51.100.0/24");
    }

    @Test
    void endingOneSessionStopsItsRefreshAndRecordsALogout() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        Tokens phone = login(email, Map.of());
        Tokens laptop = login(email, Map.of());
        UUID phoneSession = sessions(phone.accessToken()).stream()
                .filter(Session::current)
                .findFirst()
                .orElseThrow()
                .id();

        client.delete()
                .uri("/api/auth/sessions/{id}", phoneSession)
                .headers(h -> h.setBearerAuth(laptop.accessToken()))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertProblem(refresh(client, phone.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        refresh(client, laptop.refreshToken()).expectStatus().isOk();
        assertThat(OutboxEvents.ofTypeAndSubject(db, UserLoggedOut.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains(phoneSession.toString()));
        assertProblem(
                client.delete()
                        .uri("/api/auth/sessions/{id}", phoneSession)
                        .headers(h -> h.setBearerAuth(laptop.accessToken()))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "AUTH_SESSION_NOT_FOUND");
    }

    @Test
    void somebodyElsesSessionIsNotFoundAndStaysOpen() {
        String ann = aUniqueEmail();
        String bob = aUniqueEmail();
        register(client, ann);
        register(client, bob);
        Tokens annTokens = login(ann, Map.of());
        Tokens bobTokens = login(bob, Map.of());
        UUID bobSession = sessions(bobTokens.accessToken()).get(0).id();

        assertProblem(
                client.delete()
                        .uri("/api/auth/sessions/{id}", bobSession)
                        .headers(h -> h.setBearerAuth(annTokens.accessToken()))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "AUTH_SESSION_NOT_FOUND");
        refresh(client, bobTokens.refreshToken()).expectStatus().isOk();
    }

    @Test
    void endingAllOtherSessionsKeepsTheCallersOwn() {
        String email = aUniqueEmail();
        register(client, email);
        Tokens one = login(email, Map.of());
        Tokens two = login(email, Map.of());
        Tokens mine = login(email, Map.of());

        client.delete()
                .uri("/api/auth/sessions?others=true")
                .headers(h -> h.setBearerAuth(mine.accessToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revokedSessions")
                .isEqualTo(2);

        assertProblem(refresh(client, one.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertProblem(refresh(client, two.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertThat(sessions(mine.accessToken()))
                .singleElement()
                .satisfies(s -> assertThat(s.current()).isTrue());
    }

    @Test
    void theSessionEndpointsNeedASignedInUserAndOthersTrue() {
        assertProblem(
                client.get().uri("/api/auth/sessions").exchange(), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
        String email = aUniqueEmail();
        register(client, email);
        Tokens tokens = login(email, Map.of());
        assertProblem(
                client.delete()
                        .uri("/api/auth/sessions")
                        .headers(h -> h.setBearerAuth(tokens.accessToken()))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    private Tokens login(String email, Map<String, String> headers) {
        return client.post()
                .uri("/api/auth/login")
                .headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", AuthFixtures.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();
    }

    private List<Session> sessions(String accessToken) {
        return client.get()
                .uri("/api/auth/sessions")
                .headers(h -> h.setBearerAuth(accessToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Session.class)
                .returnResult()
                .getResponseBody();
    }
}
