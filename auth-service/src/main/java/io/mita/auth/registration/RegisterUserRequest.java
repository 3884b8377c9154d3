package io.mita.auth.registration;

import io.mita.auth.account.ValidPassword;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Surrounding blanks of e-mail and display name are not part of them: they are stripped before validation. */
record RegisterUserRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @ValidPassword String password,
        @Size(max = 100) String displayName) {

    RegisterUserRequest {
        email = email == null ? null : email.strip();
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    @Override
    public String toString() {
        return "RegisterUserRequest[email=" + email + ", password=<redacted>, displayName=" + displayName + "]";
    }
}
