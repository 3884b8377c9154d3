package io.mita.auth.password;

import io.mita.auth.account.ValidPassword;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** No policy on the current password (it only has to match); the size cap bounds hashing work. */
record ChangePasswordRequest(
        @NotBlank @Size(max = 1024) String currentPassword,
        @ValidPassword String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[<redacted>]";
    }
}
