package io.mita.auth.session;

import io.mita.common.problem.ProblemException;
import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Login, refresh and logout (public paths, the body carries the credential), and the signed-in user's sessions:
 * list, end one, end all others.
 */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final LoginService login;
    private final SessionService sessions;
    private final ClientContextResolver clients;

    SessionController(LoginService login, SessionService sessions, ClientContextResolver clients) {
        this.login = login;
        this.sessions = sessions;
        this.clients = clients;
    }

    @PostMapping("/login")
    Mono<TokenPairResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
        return login.login(request.email(), request.password(), clients.resolve(http));
    }

    @PostMapping("/login/mfa")
    Mono<TokenPairResponse> loginSecondStep(@Valid @RequestBody MfaLoginRequest request, ServerHttpRequest http) {
        return login.loginSecondStep(request.mfaToken(), request.code(), clients.resolve(http));
    }

    @PostMapping("/refresh")
    Mono<TokenPairResponse> refresh(@Valid @RequestBody RefreshTokenRequest request, ServerHttpRequest http) {
        return sessions.refresh(request.refreshToken(), clients.resolve(http));
    }

    @GetMapping("/sessions")
    Flux<SessionResponse> sessions(CurrentUser user) {
        return CurrentSession.id()
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMapMany(current -> sessions.openSessions(user.userId())
                        .map(session -> SessionResponse.of(session, current.orElse(null))));
    }

    @DeleteMapping("/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> endSession(CurrentUser user, @PathVariable UUID sessionId) {
        return sessions.revoke(user.userId(), sessionId);
    }

    /**
     * {@code DELETE /api/auth/sessions?others=true}: ends every session but the caller's own (the {@code sid} of
     * its access token; a token without one ends them all).
     */
    @DeleteMapping("/sessions")
    Mono<RevokedSessionsResponse> endOtherSessions(
            CurrentUser user, @RequestParam(name = "others", required = false) Boolean others) {
        if (!Boolean.TRUE.equals(others)) {
            return Mono.error(new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    "Only others=true is supported: end one session with DELETE /api/auth/sessions/{id}."));
        }
        return CurrentSession.id()
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(current -> sessions.revokeOthers(user.userId(), current.orElse(null)))
                .map(RevokedSessionsResponse::new);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshTokenRequest request) {
        return sessions.logout(request.refreshToken());
    }
}
