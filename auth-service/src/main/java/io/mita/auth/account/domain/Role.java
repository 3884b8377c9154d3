package io.mita.auth.account.domain;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the security model; the access token's {@code roles} claim carries their names. */
public enum Role {
    USER,
    COMPLIANCE,
    ADMIN;

    /** The role with exactly this name, or empty for a name the model does not know. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
