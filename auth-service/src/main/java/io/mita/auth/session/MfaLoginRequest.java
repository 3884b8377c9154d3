package io.mita.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The second step of a login: the MFA token of the first answer and a TOTP or recovery code. */
record MfaLoginRequest(
        @NotBlank @Size(max = 64) String mfaToken,
        @NotBlank @Size(max = 32) String code) {

    @Override
    public String toString() {
        return "MfaLoginRequest[<redacted>]";
    }
}
