package io.mita.auth;

import static io.mita.auth.AuthFixtures.PASSWORD;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.assertProblem;
import static io.mita.auth.AuthFixtures.assertTokenPair;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.auth.account.domain.Role;
import io.mita.auth.password.hashing.PasswordHasher;
import io.mita.auth.registration.RegistrationService;
import io.mita.auth.session.LoginFailed;
import io.mita.auth.session.LoginSucceeded;
import io.mita.auth.token.AccessTokenIssuer;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MitaIntegrationTest
class AuthenticationFlowIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    RegistrationService registration;

    @Autowired
    AccessTokenIssuer accessTokens;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void aRegisteredUserLogsInAndReadsTheirOwnAccount() {
        String email = aUniqueEmail();

        EntityExchangeResult<AuthFixtures.Registered> created = client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD, "displayName", " Ann "))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(AuthFixtures.Registered.class)
                .returnResult();
        UUID userId = created.getResponseBody().userId();
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/auth/admin/users/" + userId);

        AuthFixtures.Tokens tokens = login(client, email);
        assertTokenPair(tokens);

        AuthFixtures.Me me = me(client, tokens.accessToken());
        assertThat(me.userId()).isEqualTo(userId);
        assertThat(me.email()).isEqualTo(email);
        assertThat(me.displayName()).isEqualTo("Ann");
        assertThat(me.roles()).containsExactly("USER");
        assertThat(OutboxEvents.ofTypeAndSubject(db, LoginSucceeded.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.actorId()).isEqualTo(userId.toString()));
    }

    @Test
    void theEmailIsMatchedWhateverItsCaseAndSurroundingBlanksAtLogin() {
        String email = aUniqueEmail();
        UUID userId = register(client, email);

        assertThat(me(client, login(client, "  " + email.toUpperCase()).accessToken())
                        .userId())
                .isEqualTo(userId);
    }

    @Test
    void registeringATakenEmailAgainAnswers409EvenInAnotherCase() {
        String email = aUniqueEmail();
        register(client, email);

        assertProblem(
                client.post()
                        .uri("/api/auth/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                        .exchange(),
                HttpStatus.CONFLICT,
                "AUTH_EMAIL_TAKEN");
    }

    @Test
    void aTooShortPasswordOrAMalformedEmailAnswers400WithTheField() {
        client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", aUniqueEmail(), "password", "elevenchars"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");

        client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-email", "password", PASSWORD))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
    }

    @Test
    void aLoginWithoutPasswordAnswers400() {
        assertProblem(
                client.post()
                        .uri("/api/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", aUniqueEmail(), "password", ""))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAnswerExactlyAlike() throws Exception {
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        long failuresBefore = OutboxEvents.countOfType(db, LoginFailed.TYPE);

        EntityExchangeResult<byte[]> wrongPassword = failedLogin(email, "not the right password");
        EntityExchangeResult<byte[]> unknownEmail = failedLogin(aUniqueEmail(), PASSWORD);

        JsonMapper json = JsonMapper.builder().build();
        JsonNode first = json.readTree(wrongPassword.getResponseBody());
        JsonNode second = json.readTree(unknownEmail.getResponseBody());
        assertThat(wrongPassword.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED).isEqualTo(unknownEmail.getStatus());
        assertThat(wrongPassword.getResponseHeaders().getContentType())
                .isEqualTo(unknownEmail.getResponseHeaders().getContentType());
        for (String field : new String[] {"type", "title", "status", "detail", "code"}) {
            assertThat(first.get(field)).as(field).isEqualTo(second.get(field));
        }
        assertThat(first.get("code").asString()).isEqualTo("AUTH_INVALID_CREDENTIALS");

        // only the existing account's failure is an event (an unknown e-mail has no subject)
        assertThat(OutboxEvents.countOfType(db, LoginFailed.TYPE)).isEqualTo(failuresBefore + 1);
        assertThat(OutboxEvents.ofTypeAndSubject(db, LoginFailed.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorId()).isEqualTo(userId.toString());
                    assertThat(event.data()).contains("WRONG_PASSWORD").doesNotContain("not the right password");
                });
    }

    @Test
    void twoRegistrationsOfOneEmailAtOnceCreateOneAccount() {
        String email = aUniqueEmail();
        WebClient web = WebClient.create("http://localhost:" + port);

        List<Integer> statuses = Flux.range(0, 2)
                .flatMap(i -> web.post()
                        .uri("/api/auth/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", email, "password", PASSWORD))
                        .exchangeToMono(
                                response -> Mono.just(response.statusCode().value())))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    void theUniqueConstraintRefusesASecondAccountEvenPastTheExistenceCheck() {
        String email = aUniqueEmail();
        register(client, email);

        assertThatThrownBy(() -> registration
                        .create(email, PASSWORD, null, EnumSet.of(Role.USER))
                        .block(Duration.ofSeconds(30)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void meForAValidTokenOfAnAccountThatNoLongerExistsAnswers404() {
        String token =
                accessTokens.issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value();

        assertProblem(
                client.get()
                        .uri("/api/auth/me")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "AUTH_USER_NOT_FOUND");
    }

    @Test
    void meWithoutATokenAnswers401() {
        assertProblem(client.get().uri("/api/auth/me").exchange(), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
    }

    @Test
    void aTokenNotSignedByThisServiceIsRefused() {
        UUID userId = register(client, aUniqueEmail());

        assertProblem(
                client.get()
                        .uri("/api/auth/me")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(userId, "USER"))
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String email = aUniqueEmail();
        register(client, email);
        String token = login(client, email).accessToken();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertProblem(
                client.get()
                        .uri("/api/auth/me")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void anUnknownEmailCostsTheSameArgon2WorkAsAWrongPassword() {
        String email = aUniqueEmail();
        register(client, email);
        Counter verifications =
                meters.get(PasswordHasher.METRIC).tag("operation", "verify").counter();

        double before = verifications.count();
        failedLogin(email, "not the right password");
        double afterWrongPassword = verifications.count();
        failedLogin(aUniqueEmail(), PASSWORD);
        double afterUnknownEmail = verifications.count();

        assertThat(afterWrongPassword - before).isEqualTo(1);
        assertThat(afterUnknownEmail - afterWrongPassword).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password123!", "qwertyuiop12", "PASSWORD1234"})
    void registeringWithAWeakPasswordAnswers400WithAReasonAndAHintButNeverThePassword(String password) {
        String email = aUniqueEmail();

        String body = registerWith(email, password)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.get("code").asString()).isEqualTo("AUTH_PASSWORD_TOO_WEAK");
        assertThat(problem.get("reason").asString()).isIn("BREACHED", "GUESSABLE");
        assertThat(problem.get("hint").asString()).isNotBlank();
        assertThat(body).doesNotContainIgnoringCase(password);
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void registeringWithTheOwnEmailInThePasswordIsRefusedAsPersonalInformation() {
        String email = aUniqueEmail();

        registerWith(email, "Kestrel!" + email.toUpperCase() + "?")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_PASSWORD_TOO_WEAK")
                .jsonPath("$.reason")
                .isEqualTo("PERSONAL_INFORMATION");
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void registeringWithAStrongPassphraseSucceeds() {
        String email = aUniqueEmail();

        registerWith(email, "velvet tundra pickle orbit crayon").expectStatus().isCreated();
        assertThat(accountsWithEmail(email)).isOne();
    }

    private WebTestClient.ResponseSpec registerWith(String email, String password) {
        return client.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private long accountsWithEmail(String email) {
        return db.sql("SELECT count(*) AS n FROM user_account WHERE email = :email")
                .bind("email", email)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    private EntityExchangeResult<byte[]> failedLogin(String email, String password) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectBody()
                .returnResult();
    }
}
