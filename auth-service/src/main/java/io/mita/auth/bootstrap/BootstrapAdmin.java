package io.mita.auth.bootstrap;

import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.account.domain.BreachedPasswords;
import io.mita.auth.account.domain.EmailAddress;
import io.mita.auth.account.domain.PasswordPolicy;
import io.mita.auth.account.domain.Role;
import io.mita.auth.admin.RolePublisher;
import io.mita.auth.config.AuthProperties;
import io.mita.auth.config.DevelopmentDefaults;
import io.mita.auth.registration.RegistrationService;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The first administrator comes from configuration ({@code MITA_BOOTSTRAP_ADMIN_EMAIL} /
 * {@code MITA_BOOTSTRAP_ADMIN_PASSWORD}): at every startup the account is created if missing (roles USER
 * and ADMIN) or given ADMIN if it lacks it. Idempotent, and safe when several instances start at once:
 * the unique e-mail lets one create the account, the others then only make sure of the role. An existing
 * account's password is never changed here.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String DEFAULT_PASSWORD = DevelopmentDefaults.BOOTSTRAP_ADMIN_PASSWORD;
    private static final String DISPLAY_NAME = "Administrator";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AuthProperties.BootstrapAdmin settings;
    private final UserAccountRepository accounts;
    private final UserRoleRepository roles;
    private final RegistrationService registration;
    private final RolePublisher events;
    private final TransactionalOperator transaction;

    BootstrapAdmin(
            AuthProperties properties,
            UserAccountRepository accounts,
            UserRoleRepository roles,
            RegistrationService registration,
            RolePublisher events,
            TransactionalOperator transaction) {
        this.settings = properties.bootstrapAdmin();
        this.accounts = accounts;
        this.roles = roles;
        this.registration = registration;
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdmin().block(TIMEOUT);
    }

    Mono<UUID> ensureAdmin() {
        String email = EmailAddress.normalise(settings.email());
        return accounts.findByEmail(email)
                .flatMap(this::ensureAdminRole)
                .switchIfEmpty(Mono.defer(() -> create(email)
                        // another instance created it between our read and our insert
                        .onErrorResume(
                                DuplicateKeyException.class,
                                e -> accounts.findByEmail(email).flatMap(this::ensureAdminRole))));
    }

    private Mono<UUID> create(String email) {
        // a configured secret: the length rule and the breached list apply (the strength estimate is for
        // passwords people choose; the prod profile refuses the development default, docs/auth.md)
        var length = PasswordPolicy.lengthViolation(settings.password());
        if (length.isPresent()) {
            return Mono.error(new IllegalStateException("MITA_BOOTSTRAP_ADMIN_PASSWORD " + length.get()));
        }
        if (BreachedPasswords.contains(settings.password())) {
            return Mono.error(new IllegalStateException(
                    "MITA_BOOTSTRAP_ADMIN_PASSWORD is on the list of breached passwords; choose another one"));
        }
        if (DEFAULT_PASSWORD.equals(settings.password())) {
            log.warn("Creating the bootstrap admin with the default password: set MITA_BOOTSTRAP_ADMIN_PASSWORD");
        }
        return registration
                .create(email, settings.password(), DISPLAY_NAME, EnumSet.of(Role.USER, Role.ADMIN))
                .flatMap(account -> events.rolesGrantedByConfiguration(account.id(), EnumSet.of(Role.USER, Role.ADMIN))
                        .thenReturn(account.id()))
                .as(transaction::transactional)
                .doOnNext(id -> log.info("Created the bootstrap admin account {}", id));
    }

    private Mono<UUID> ensureAdminRole(UserAccount account) {
        return roles.grant(account.id(), List.of(Role.ADMIN))
                .filter(added -> added > 0)
                .flatMap(added -> roles.rolesOf(account.id())
                        .flatMap(now -> events.rolesGrantedByConfiguration(account.id(), now)
                                .thenReturn(added)))
                .doOnNext(ignored -> log.info("Granted ADMIN to the bootstrap admin account {}", account.id()))
                .as(transaction::transactional)
                .thenReturn(account.id());
    }
}
