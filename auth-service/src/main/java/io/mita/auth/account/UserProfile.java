package io.mita.auth.account;

import io.mita.auth.account.domain.Role;
import java.util.Set;
import java.util.UUID;

/** An account with its current roles, as the API shows it (never the password hash). */
public record UserProfile(UUID userId, String email, String displayName, Set<Role> roles) {}
