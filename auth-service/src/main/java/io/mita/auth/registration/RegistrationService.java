package io.mita.auth.registration;

import io.mita.auth.account.NewPasswordCheck;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.account.domain.EmailAddress;
import io.mita.auth.account.domain.PersonalDetails;
import io.mita.auth.account.domain.Role;
import io.mita.auth.password.hashing.PasswordHasher;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Creates accounts: normalised e-mail, Argon2id hash, the given roles, and the registered event. */
@Service
public class RegistrationService {

    private final UserAccountRepository accounts;
    private final UserRoleRepository roles;
    private final PasswordHasher hasher;
    private final NewPasswordCheck newPasswords;
    private final RegistrationPublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    RegistrationService(
            UserAccountRepository accounts,
            UserRoleRepository roles,
            PasswordHasher hasher,
            NewPasswordCheck newPasswords,
            RegistrationPublisher events,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.hasher = hasher;
        this.newPasswords = newPasswords;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A self-registration: the new account has role USER. A weak password answers AUTH_PASSWORD_TOO_WEAK. */
    Mono<UUID> register(String email, String password, String displayName) {
        String normalised = EmailAddress.normalise(email);
        return accounts.existsByEmail(normalised)
                .flatMap(taken -> taken
                        ? Mono.<UUID>error(new EmailTakenException())
                        : newPasswords
                                .check(password, new PersonalDetails(normalised, displayName))
                                .then(create(normalised, password, displayName, EnumSet.of(Role.USER)))
                                .map(UserAccount::id))
                // the unique constraint decides between two concurrent registrations of one address
                .onErrorMap(DuplicateKeyException.class, e -> new EmailTakenException());
    }

    /**
     * Stores a new account with {@code grantedRoles} and appends {@code mita.auth.user.registered.v1}
     * (actor: the new user) in one transaction. Fails with {@link DuplicateKeyException} when the
     * e-mail is taken. The caller has checked the password's strength (a self-registration with
     * {@link NewPasswordCheck}, the bootstrap admin against the length rule and the breached list).
     */
    public Mono<UserAccount> create(
            String normalisedEmail, String password, String displayName, Set<Role> grantedRoles) {
        return hasher.hash(password).flatMap(hash -> {
            UserAccount account = UserAccount.create(normalisedEmail, displayName, hash, clock.instant());
            return accounts.save(account)
                    .flatMap(saved -> roles.grant(saved.id(), grantedRoles)
                            .then(events.registered(account))
                            .thenReturn(saved))
                    .as(transaction::transactional);
        });
    }
}
