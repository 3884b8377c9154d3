package io.mita.auth.session;

import io.mita.auth.account.UnknownAccountAttempts;
import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserAccountRepository;
import io.mita.auth.account.domain.EmailAddress;
import io.mita.auth.lockout.AccountLockedException;
import io.mita.auth.lockout.AccountLockout;
import io.mita.auth.password.hashing.PasswordHasher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Checks a password and opens a session — or, for an account with two-factor sign-in, opens a challenge
 * ({@link SecondFactor}) that {@link #loginSecondStep} completes. A wrong password and an unknown e-mail answer alike, after
 * the same Argon2 work and one committed write each: a failure on an existing account is recorded (event and
 * lockout count), one for an unknown e-mail only counted for the day ({@link UnknownAccountAttempts}). A
 * locked account answers {@code AUTH_ACCOUNT_LOCKED} whatever the password, without checking it.
 */
@Service
class LoginService {

    private final UserAccountRepository accounts;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AccessTokens accessTokens;
    private final AccountLockout lockout;
    private final SessionPublisher events;
    private final TransactionalOperator transaction;
    private final UnknownAccountAttempts unknownAccounts;
    private final SecondFactor secondFactor;

    LoginService(
            UserAccountRepository accounts,
            PasswordHasher hasher,
            SessionService sessions,
            AccessTokens accessTokens,
            AccountLockout lockout,
            SessionPublisher events,
            TransactionalOperator transaction,
            UnknownAccountAttempts unknownAccounts,
            SecondFactor secondFactor) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.lockout = lockout;
        this.events = events;
        this.transaction = transaction;
        this.unknownAccounts = unknownAccounts;
        this.secondFactor = secondFactor;
    }

    Mono<TokenPairResponse> login(String email, String password) {
        return login(email, password, ClientContext.UNKNOWN);
    }

    Mono<TokenPairResponse> login(String email, String password, ClientContext client) {
        return accounts.findByEmail(EmailAddress.normalise(email))
                .flatMap(account -> lockout.isLocked(account)
                        ? refuseLocked(account)
                        : hasher.matches(password, account.passwordHash())
                                .flatMap(matches -> matches ? succeed(account, client) : fail(account)))
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNobody(password)
                        .then(unknownAccounts.count(UnknownAccountAttempts.Kind.LOGIN))
                        .then(Mono.error(InvalidCredentialsException::new))));
    }

    /**
     * The second step: a code for the challenge the first step answered. Opens the session like a one-step login;
     * a wrong code counts as a failed login ({@link SecondFactor#verify}).
     */
    Mono<TokenPairResponse> loginSecondStep(String mfaToken, String code, ClientContext client) {
        return secondFactor
                .verify(mfaToken, code)
                .flatMap(accounts::findById)
                .switchIfEmpty(Mono.error(InvalidCredentialsException::new))
                .flatMap(account -> lockout.isLocked(account)
                        ? refuseLocked(account)
                        : lockout.loginSucceeded(account.id())
                                .flatMap(allowed -> allowed
                                        ? openSession(account, client).map(Attempt::succeeded)
                                        : failed(account, LoginFailed.ACCOUNT_LOCKED)
                                                .thenReturn(Attempt.LOCKED))
                                .as(transaction::transactional)
                                .flatMap(Attempt::answer));
    }

    private Mono<TokenPairResponse> succeed(UserAccount account, ClientContext client) {
        // the transaction commits before the answer: a refusal keeps its event
        return lockout.loginSucceeded(account.id())
                .flatMap(allowed -> allowed
                        ? secondFactor
                                .isEnabled(account.id())
                                .flatMap(enabled -> enabled
                                        ? secondFactor.challenge(account.id()).map(Attempt::secondFactorDue)
                                        : openSession(account, client).map(Attempt::succeeded))
                        : failed(account, LoginFailed.ACCOUNT_LOCKED).thenReturn(Attempt.LOCKED))
                .as(transaction::transactional)
                .flatMap(Attempt::answer);
    }

    private Mono<TokenPairResponse> openSession(UserAccount account, ClientContext client) {
        return sessions.open(account.id(), client)
                .flatMap(session -> events.loginSucceeded(account, session.sessionId())
                        .then(accessTokens.issueFor(account.id(), session.sessionId()))
                        .map(access -> TokenPairResponse.of(access, session.refreshToken())));
    }

    private Mono<TokenPairResponse> fail(UserAccount account) {
        return lockout.loginFailed(account.id())
                .flatMap(locked -> failed(account, LoginFailed.WRONG_PASSWORD)
                        .thenReturn(locked ? Attempt.LOCKED : Attempt.INVALID))
                .as(transaction::transactional)
                .flatMap(Attempt::answer);
    }

    private Mono<TokenPairResponse> refuseLocked(UserAccount account) {
        return failed(account, LoginFailed.ACCOUNT_LOCKED).then(Mono.error(AccountLockedException::new));
    }

    private Mono<Void> failed(UserAccount account, String reason) {
        return events.loginFailed(account, reason);
    }

    /** How an attempt ended, decided inside the transaction and answered after it committed. */
    private record Attempt(TokenPairResponse tokens, boolean locked, SecondFactor.Challenge challenge) {

        static final Attempt LOCKED = new Attempt(null, true, null);
        static final Attempt INVALID = new Attempt(null, false, null);

        static Attempt succeeded(TokenPairResponse tokens) {
            return new Attempt(tokens, false, null);
        }

        static Attempt secondFactorDue(SecondFactor.Challenge challenge) {
            return new Attempt(null, false, challenge);
        }

        Mono<TokenPairResponse> answer() {
            if (tokens != null) {
                return Mono.just(tokens);
            }
            if (challenge != null) {
                return Mono.error(new MfaRequiredException(challenge));
            }
            return Mono.error(locked ? new AccountLockedException() : new InvalidCredentialsException());
        }
    }
}
