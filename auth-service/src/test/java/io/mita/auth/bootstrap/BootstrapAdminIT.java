package io.mita.auth.bootstrap;

import static io.mita.auth.AuthFixtures.BOOTSTRAP_ADMIN_EMAIL;
import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.loginAsBootstrapAdmin;
import static io.mita.auth.AuthFixtures.me;
import static io.mita.auth.AuthFixtures.rolesClaim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.auth.AuthFixtures;
import io.mita.auth.OutboxEvents;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.account.domain.Role;
import io.mita.auth.admin.RolePublisher;
import io.mita.auth.admin.RolesGranted;
import io.mita.auth.config.AuthProperties;
import io.mita.auth.registration.RegistrationService;
import io.mita.auth.registration.UserRegistered;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@MitaIntegrationTest
class BootstrapAdminIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    BootstrapAdmin bootstrapAdmin;

    @Autowired
    AuthProperties properties;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    UserRoleRepository roles;

    @Autowired
    RegistrationService registration;

    @Autowired
    RolePublisher rolePublisher;

    @Autowired
    TransactionalOperator transaction;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void theConfiguredAdminExistsAfterStartupAndLogsInAsAdmin() {
        AuthFixtures.Tokens tokens = loginAsBootstrapAdmin(client);

        assertThat(rolesClaim(tokens.accessToken())).containsExactly("ADMIN", "USER");
        AuthFixtures.Me me = me(client, tokens.accessToken());
        assertThat(me.email()).isEqualTo(BOOTSTRAP_ADMIN_EMAIL);
        assertThat(OutboxEvents.ofTypeAndSubject(
                        db, UserRegistered.TYPE, me.userId().toString()))
                .hasSize(1);
        assertThat(OutboxEvents.ofTypeAndSubject(
                        db, RolesGranted.TYPE, me.userId().toString()))
                .first()
                .satisfies(event -> {
                    assertThat(event.actorId()).isNull();
                    assertThat(event.data()).contains("\"grantedBy\": null").contains("ADMIN");
                });
    }

    @Test
    void runningAgainChangesNothing() {
        UUID adminId = accounts.findByEmail(BOOTSTRAP_ADMIN_EMAIL).block().id();
        long grantsBefore = OutboxEvents.countOfType(db, RolesGranted.TYPE);

        assertThat(bootstrapAdmin.ensureAdmin().block(Duration.ofSeconds(30))).isEqualTo(adminId);

        assertThat(OutboxEvents.countOfType(db, RolesGranted.TYPE)).isEqualTo(grantsBefore);
        assertThat(roles.rolesOf(adminId).block()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
    }

    @Test
    void anExistingAccountWithTheConfiguredEmailIsMadeAdminWithoutItsPasswordChanging() {
        String email = aUniqueEmail();
        AuthFixtures.register(client, email);
        UUID userId = accounts.findByEmail(email).block().id();
        String hashBefore = accounts.findById(userId).block().passwordHash();

        UUID ensured = bootstrapAdminFor(email, "another password of the right length")
                .ensureAdmin()
                .block(Duration.ofSeconds(30));

        assertThat(ensured).isEqualTo(userId);
        assertThat(roles.rolesOf(userId).block()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(accounts.findById(userId).block().passwordHash()).isEqualTo(hashBefore);
        assertThat(rolesClaim(login(client, email).accessToken())).containsExactly("ADMIN", "USER");
        assertThat(OutboxEvents.ofTypeAndSubject(db, RolesGranted.TYPE, userId.toString()))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).contains("\"grantedBy\": null"));
    }

    @Test
    void instancesStartingTogetherCreateOneAccount() {
        String email = aUniqueEmail();
        String password = "a bootstrap password";

        var both = Mono.zip(
                        bootstrapAdminFor(email, password).ensureAdmin(),
                        bootstrapAdminFor(email, password).ensureAdmin())
                .block(Duration.ofSeconds(60));

        assertThat(both.getT1()).isEqualTo(both.getT2());
        assertThat(db.sql("SELECT count(*) AS n FROM user_account WHERE email = :email")
                        .bind("email", email)
                        .map(r -> r.get("n", Long.class))
                        .one()
                        .block())
                .isEqualTo(1);
        assertThat(roles.rolesOf(both.getT1()).block()).containsExactlyInAnyOrder(Role.USER, Role.ADMIN);
        assertThat(OutboxEvents.ofTypeAndSubject(
                        db, UserRegistered.TYPE, both.getT1().toString()))
                .hasSize(1);
        assertThat(rolesClaim(login(client, email, password).accessToken())).containsExactly("ADMIN", "USER");
    }

    @Test
    void aBootstrapPasswordThatBreaksThePolicyStopsTheStartupAndCreatesNothing() {
        String email = aUniqueEmail();

        assertThatThrownBy(() ->
                        bootstrapAdminFor(email, "too short").ensureAdmin().block(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MITA_BOOTSTRAP_ADMIN_PASSWORD")
                .hasMessageNotContaining("too short");
        assertThat(accounts.findByEmail(email).blockOptional()).isEmpty();
    }

    private BootstrapAdmin bootstrapAdminFor(String email, String password) {
        AuthProperties configured = new AuthProperties(
                properties.accessTokenTtl(),
                properties.refreshTokenTtl(),
                properties.masterKey(),
                properties.signingAlgorithm(),
                properties.passwordHashing(),
                new AuthProperties.BootstrapAdmin(email, password));
        return new BootstrapAdmin(configured, accounts, roles, registration, rolePublisher, transaction);
    }
}
