package io.mita.auth.password;

import io.mita.auth.account.ValidPassword;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ConfirmPasswordResetRequest(
        @NotBlank @Size(max = 256) String token,
        @ValidPassword String newPassword) {

    @Override
    public String toString() {
        return "ConfirmPasswordResetRequest[<redacted>]";
    }
}
