package io.mita.auth.session;

import io.mita.auth.account.PasswordHasher;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.UserRoleRepository;
import io.mita.auth.account.domain.EmailAddress;
import io.mita.auth.token.AccessTokenIssuer;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Checks a password and opens a session. A wrong password and an unknown e-mail answer alike, after
 * the same Argon2 work; only a failure on an existing account is recorded as an event.
 */
@Service
class LoginService {

    private final UserAccountRepository accounts;
    private final UserRoleRepository roles;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AccessTokenIssuer accessTokens;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    LoginService(UserAccountRepository accounts, UserRoleRepository roles, PasswordHasher hasher,
            SessionService sessions, AccessTokenIssuer accessTokens, OutboxWriter outbox,
            TransactionalOperator transaction) {
        this.accounts = accounts;
        this.roles = roles;
        this.hasher = hasher;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    Mono<TokenPairResponse> login(String email, String password) {
        return accounts.findByEmail(EmailAddress.normalise(email))
                .flatMap(account -> hasher.matches(password, account.passwordHash())
                        .flatMap(matches -> matches ? succeed(account) : fail(account)))
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNobody(password)
                        .then(Mono.error(InvalidCredentialsException::new))));
    }

    private Mono<TokenPairResponse> succeed(UserAccount account) {
        String userId = account.id().toString();
        return roles.rolesOf(account.id())
                .flatMap(granted -> sessions.open(account.id())
                        .flatMap(session -> outbox.append(new OutgoingEvent(LoginSucceeded.TYPE, userId,
                                        new LoginSucceeded(account.id(), session.sessionId())), userId)
                                .thenReturn(session))
                        .map(session -> TokenPairResponse.of(accessTokens.issue(account.id(), granted),
                                session.refreshToken())))
                .as(transaction::transactional);
    }

    private Mono<TokenPairResponse> fail(UserAccount account) {
        String userId = account.id().toString();
        return outbox.append(new OutgoingEvent(LoginFailed.TYPE, userId,
                        new LoginFailed(account.id(), LoginFailed.WRONG_PASSWORD)), userId)
                .then(Mono.error(InvalidCredentialsException::new));
    }
}
