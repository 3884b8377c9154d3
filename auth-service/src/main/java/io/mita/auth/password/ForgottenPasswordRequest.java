package io.mita.auth.password;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/auth/password-reset/request}: the e-mail of an account whose password was forgotten.
 * Surrounding blanks are not part of the e-mail: stripped before validation. */
record ForgottenPasswordRequest(
        @NotBlank @Email @Size(max = 254) String email) {

    ForgottenPasswordRequest {
        email = email == null ? null : email.strip();
    }
}
