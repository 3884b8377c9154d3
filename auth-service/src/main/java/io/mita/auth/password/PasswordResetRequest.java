package io.mita.auth.password;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Surrounding blanks are not part of the e-mail: stripped before validation. */
record PasswordResetRequest(
        @NotBlank @Email @Size(max = 254) String email) {

    PasswordResetRequest {
        email = email == null ? null : email.strip();
    }
}
