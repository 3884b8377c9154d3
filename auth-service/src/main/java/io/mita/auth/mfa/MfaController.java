package io.mita.auth.mfa;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Two-factor sign-in of the signed-in user: enrol, confirm, turn off, new recovery codes. The login's second step
 * is in session.
 */
@RestController
@RequestMapping("/api/auth/mfa")
class MfaController {

    private final ManageTotp totp;
    private final RegenerateRecoveryCodes recoveryCodes;

    MfaController(ManageTotp totp, RegenerateRecoveryCodes recoveryCodes) {
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
    }

    /** The secret, shown this once inside an {@code otpauth://} URI (a QR code for the app). */
    record EnrolmentResponse(String otpauthUri) {}

    record ConfirmRequest(@NotBlank @Size(max = 32) String code) {}

    /** Shown once: each code signs in once when the authenticator is lost. */
    record RecoveryCodesResponse(List<String> recoveryCodes) {}

    record DisableRequest(@NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "DisableRequest[password=<redacted>]";
        }
    }

    /** Both factors again: the password and a current code of the authenticator (not a recovery code). */
    record RegenerateRequest(
            @NotBlank @Size(max = 1024) String password,
            @NotBlank @Size(max = 32) String code) {

        @Override
        public String toString() {
            return "RegenerateRequest[password=<redacted>, code=<redacted>]";
        }
    }

    @PostMapping("/totp")
    Mono<EnrolmentResponse> enrol(CurrentUser user) {
        return totp.enrol(user.userId()).map(EnrolmentResponse::new);
    }

    @PostMapping("/totp/confirm")
    Mono<RecoveryCodesResponse> confirm(CurrentUser user, @Valid @RequestBody ConfirmRequest request) {
        return totp.confirm(user.userId(), request.code()).map(RecoveryCodesResponse::new);
    }

    @PostMapping("/totp/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> disable(CurrentUser user, @Valid @RequestBody DisableRequest request) {
        return totp.disable(user.userId(), request.password());
    }

    @PostMapping("/recovery-codes")
    Mono<RecoveryCodesResponse> regenerateRecoveryCodes(
            CurrentUser user, @Valid @RequestBody RegenerateRequest request) {
        return recoveryCodes
                .regenerate(user.userId(), request.password(), request.code())
                .map(RecoveryCodesResponse::new);
    }
}
