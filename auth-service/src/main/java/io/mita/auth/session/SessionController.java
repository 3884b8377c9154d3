package io.mita.auth.session;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Login, refresh and logout: public paths, the body carries the credential. */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final LoginService login;
    private final SessionService sessions;

    SessionController(LoginService login, SessionService sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    @PostMapping("/login")
    Mono<TokenPairResponse> login(@Valid @RequestBody LoginRequest request) {
        return login.login(request.email(), request.password());
    }

    @PostMapping("/refresh")
    Mono<TokenPairResponse> refresh(@Valid @RequestBody RefreshTokenRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshTokenRequest request) {
        return sessions.logout(request.refreshToken());
    }
}
