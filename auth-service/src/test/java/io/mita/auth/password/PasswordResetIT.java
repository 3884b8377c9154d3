package io.mita.auth.password;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.refresh;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.UnknownAccountAttemptCounts;
import io.mita.auth.account.UnknownAccountAttempts;
import io.mita.auth.lockout.AccountUnlocked;
import io.mita.auth.secret.OpaqueToken;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The test plays the e-mail recipient: it opens the sealed delivery of the event with the shared key. */
@MitaIntegrationTest
class PasswordResetIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String NEW_PASSWORD = "a brand new password of mine";

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    PasswordResetProperties properties;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void theWholeResetEndsEverySessionAndTheNewPasswordWorks() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, "Ann");
        AuthFixtures.Tokens before = login(client, email);
        AuthFixtures.Tokens otherDevice = login(client, email);

        requestReset("  " + email.toUpperCase() + " ")
                .expectStatus()
                .isAccepted()
                .expectBody()
                .isEmpty();
        Mail mail = mailTo(userId);
        assertThat(mail.email()).isEqualTo(email);
        assertThat(mail.displayName()).isEqualTo("Ann");
        assertThat(mail.token()).matches("[A-Za-z0-9_-]{43}");

        confirm(mail.token(), NEW_PASSWORD).expectStatus().isNoContent();

        assertThat(me(client, login(client, email, NEW_PASSWORD).accessToken()).userId())
                .isEqualTo(userId);
        assertProblem(loginAttempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_CREDENTIALS");
        assertProblem(refresh(client, before.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertProblem(
                refresh(client, otherDevice.refreshToken()), HttpStatus.UNAUTHORIZED, "AUTH_INVALID_REFRESH_TOKEN");
        assertThat(OutboxEvents.ofTypeAndSubject(db, PasswordChanged.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(userId.toString());
                    JsonNode data = json.readTree(event.data());
                    assertThat(data.get("via").asString()).isEqualTo(PasswordChanged.RESET);
                    assertThat(data.get("sessionsRevoked").asLong()).isEqualTo(2);
                });
    }

    @Test
    void neitherTheTokenNorTheEmailIsReadableInTheEventOrItsAuditRecord() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, null);

        requestReset(email).expectStatus().isAccepted();

        OutboxEvents.Row row = OutboxEvents.ofTypeAndSubject(db, PasswordResetRequested.TYPE, userId.toString())
                .get(0);
        Mail mail = open(row.data());
        assertThat(row.actorId()).isNull();
        assertThat(row.data())
                .doesNotContain(mail.token())
                .doesNotContain(email)
                .doesNotContain(email.split("@")[0]);
        assertThat(mail.displayName()).isNull();
        JsonNode data = json.readTree(row.data());
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("userId", "requestId", "expiresAt", "delivery");
        assertThat(data.get("userId").asString()).isEqualTo(userId.toString());
        assertThat(Instant.parse(data.get("expiresAt").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(29)),
                        Instant.now().plus(Duration.ofMinutes(31)));
        // the database keeps only the hash
        assertThat(db.sql("SELECT count(*) AS n FROM password_reset_token WHERE token_hash = :token")
                        .bind("token", mail.token())
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isZero();
        assertThat(db.sql("SELECT count(*) AS n FROM password_reset_token WHERE token_hash = :hash")
                        .bind("hash", OpaqueToken.hashOf(mail.token()))
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isOne();

        CloudEvent published = awaitPublished(PasswordResetRequested.TYPE, userId.toString());
        String publishedData = new String(published.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(publishedData).doesNotContain(mail.token()).doesNotContain(email);
        assertThat(open(publishedData).token()).isEqualTo(mail.token());
    }

    @Test
    void anUnknownEmailAnswersTheSameWritesNoEventOrTokenAndIsOnlyCountedForTheDay() {
        String email = aUniqueEmail();
        long before = OutboxEvents.countOfType(db, PasswordResetRequested.TYPE);
        long tokensBefore = db.sql("SELECT count(*) AS n FROM password_reset_token")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        long countedBefore = UnknownAccountAttemptCounts.total(db, UnknownAccountAttempts.Kind.PASSWORD_RESET);

        requestReset(email).expectStatus().isAccepted().expectBody().isEmpty();

        assertThat(OutboxEvents.countOfType(db, PasswordResetRequested.TYPE)).isEqualTo(before);
        assertThat(db.sql("SELECT count(*) AS n FROM password_reset_token")
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isEqualTo(tokensBefore);
        assertThat(UnknownAccountAttemptCounts.total(db, UnknownAccountAttempts.Kind.PASSWORD_RESET))
                .isEqualTo(countedBefore + 1);
        assertThat(UnknownAccountAttemptCounts.rowsContaining(db, email.substring(0, email.indexOf('@'))))
                .isZero();
    }

    @Test
    void aRequestForAnExistingAccountIsNotCountedAsUnknown() {
        String email = aUniqueEmail();
        registerAs(email, null);
        long countedBefore = UnknownAccountAttemptCounts.total(db, UnknownAccountAttempts.Kind.PASSWORD_RESET);

        requestReset(email).expectStatus().isAccepted();

        assertThat(UnknownAccountAttemptCounts.total(db, UnknownAccountAttempts.Kind.PASSWORD_RESET))
                .isEqualTo(countedBefore);
    }

    @Test
    void aTokenWorksOnce() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, null);
        requestReset(email).expectStatus().isAccepted();
        String token = mailTo(userId).token();
        confirm(token, NEW_PASSWORD).expectStatus().isNoContent();

        assertProblem(confirm(token, "yet another new password"), HttpStatus.BAD_REQUEST, "AUTH_RESET_TOKEN_INVALID");

        login(client, email, NEW_PASSWORD);
    }

    @Test
    void anExpiredTokenIsRefusedLikeAnUnknownOne() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, null);
        requestReset(email).expectStatus().isAccepted();
        String token = mailTo(userId).token();
        db.sql("UPDATE password_reset_token SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .bind("hash", OpaqueToken.hashOf(token))
                .then()
                .block();

        assertProblem(confirm(token, NEW_PASSWORD), HttpStatus.BAD_REQUEST, "AUTH_RESET_TOKEN_INVALID");
        assertProblem(
                confirm("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NEW_PASSWORD),
                HttpStatus.BAD_REQUEST,
                "AUTH_RESET_TOKEN_INVALID");
        login(client, email);
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheTokenStaysUsable() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, null);
        requestReset(email).expectStatus().isAccepted();
        String token = mailTo(userId).token();

        assertProblem(confirm(token, "Password123!"), HttpStatus.BAD_REQUEST, "AUTH_PASSWORD_TOO_WEAK");
        assertProblem(confirm(token, "too short"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");

        confirm(token, NEW_PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void aResetSpendsTheOtherOutstandingTokensOfTheUser() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, null);
        requestReset(email).expectStatus().isAccepted();
        requestReset(email).expectStatus().isAccepted();
        List<String> tokens = OutboxEvents.ofTypeAndSubject(db, PasswordResetRequested.TYPE, userId.toString()).stream()
                .map(row -> open(row.data()).token())
                .toList();
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();

        confirm(tokens.get(1), NEW_PASSWORD).expectStatus().isNoContent();

        assertProblem(
                confirm(tokens.get(0), "yet another new password"), HttpStatus.BAD_REQUEST, "AUTH_RESET_TOKEN_INVALID");
    }

    @Test
    void aResetUnlocksALockedAccount() throws Exception {
        String email = aUniqueEmail();
        UUID userId = registerAs(email, null);
        for (int i = 0; i < 5; i++) {
            loginAttempt(email, "not the right password").expectStatus().isUnauthorized();
        }
        assertProblem(loginAttempt(email, PASSWORD), HttpStatus.UNAUTHORIZED, "AUTH_ACCOUNT_LOCKED");

        requestReset(email).expectStatus().isAccepted();
        confirm(mailTo(userId).token(), NEW_PASSWORD).expectStatus().isNoContent();

        login(client, email, NEW_PASSWORD);
        assertThat(OutboxEvents.ofTypeAndSubject(db, AccountUnlocked.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.data()).contains(AccountUnlocked.PASSWORD_RESET);
                    assertThat(event.actorId()).isEqualTo(userId.toString());
                });
    }

    @Test
    void malformedRequestsAnswer400() {
        assertProblem(requestReset("not-an-email"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        assertProblem(
                client.post()
                        .uri("/api/auth/password-reset/confirm")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("token", " ", "newPassword", NEW_PASSWORD))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    private UUID registerAs(String email, String displayName) {
        Map<String, String> body = displayName == null
                ? Map.of("email", email, "password", PASSWORD)
                : Map.of("email", email, "password", PASSWORD, "displayName", displayName);
        return client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(AuthFixtures.Registered.class)
                .returnResult()
                .getResponseBody()
                .userId();
    }

    private WebTestClient.ResponseSpec requestReset(String email) {
        return client.post()
                .uri("/api/auth/password-reset/request")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email))
                .exchange();
    }

    private WebTestClient.ResponseSpec confirm(String token, String newPassword) {
        return client.post()
                .uri("/api/auth/password-reset/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", newPassword))
                .exchange();
    }

    private WebTestClient.ResponseSpec loginAttempt(String email, String password) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    /** The newest reset e-mail for the user, as notification-service would read it from the event. */
    private Mail mailTo(UUID userId) {
        List<OutboxEvents.Row> rows = OutboxEvents.ofTypeAndSubject(db, PasswordResetRequested.TYPE, userId.toString());
        assertThat(rows).isNotEmpty();
        return open(rows.get(rows.size() - 1).data());
    }

    private Mail open(String eventData) {
        try {
            JsonNode data = json.readTree(eventData);
            JsonNode plain = json.readTree(DeliveryRecipient.open(
                    data.get("delivery").asString(), data.get("requestId").asString(), properties.deliveryKey()));
            return new Mail(
                    plain.get("email").asString(),
                    plain.get("token").asString(),
                    plain.get("displayName").isNull()
                            ? null
                            : plain.get("displayName").asString());
        } catch (Exception e) {
            throw new AssertionError("the delivery does not open: " + e, e);
        }
    }

    private static CloudEvent awaitPublished(String type, String subject) {
        try (KafkaConsumer<String, CloudEvent> consumer = KafkaTestBroker.consumer("password-reset-it")) {
            consumer.subscribe(List.of("mita.auth.v1"));
            long deadline = System.nanoTime() + KafkaTestBroker.patience().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = record.value();
                    if (event != null && type.equals(event.getType()) && subject.equals(event.getSubject())) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for " + subject + " on mita.auth.v1");
    }

    private record Mail(String email, String token, String displayName) {}
}
