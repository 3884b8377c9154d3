package io.mita.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** No password policy here: it applies to new passwords; the size cap only bounds hashing work. */
record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=<redacted>]";
    }
}
