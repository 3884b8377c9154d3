package io.mita.auth.password;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Password reset by e-mail (public) and password change (signed in). */
@RestController
@RequestMapping("/api/auth")
class PasswordController {

    private final RequestPasswordReset requestReset;
    private final ConfirmPasswordReset confirmReset;
    private final ChangePassword changePassword;

    PasswordController(
            RequestPasswordReset requestReset, ConfirmPasswordReset confirmReset, ChangePassword changePassword) {
        this.requestReset = requestReset;
        this.confirmReset = confirmReset;
        this.changePassword = changePassword;
    }

    /** 202 whether or not an account has this e-mail: the answer tells nothing about who is registered. */
    @PostMapping("/password-reset/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> requestReset(@Valid @RequestBody ForgottenPasswordRequest request) {
        return requestReset.request(request.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirmReset(@Valid @RequestBody ConfirmPasswordResetRequest request) {
        return confirmReset.confirm(request.token(), request.newPassword());
    }

    @PostMapping("/password/change")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> change(@Valid @RequestBody ChangePasswordRequest request, CurrentUser user) {
        return changePassword.change(user.userId(), request.currentPassword(), request.newPassword());
    }
}
