package io.mita.common.security;

import java.util.Set;
import java.util.UUID;

/** The authenticated caller: declare it as a controller method parameter. */
public record CurrentUser(UUID userId, Set<String> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public String actorId() {
        return userId.toString();
    }
}
