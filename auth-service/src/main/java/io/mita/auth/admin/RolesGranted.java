package io.mita.auth.admin;

import java.util.List;
import java.util.UUID;

/**
 * {@code mita.auth.roles.granted.v1}: the user's roles were set; {@code roles} is the complete new set.
 * Golden file: {@code docs/events/mita.auth.roles.granted.v1.json}.
 *
 * @param grantedBy the administrator who set them, or null when the configuration did at startup
 *                  (the bootstrap admin)
 */
public record RolesGranted(UUID userId, List<String> roles, UUID grantedBy) {

    public static final String TYPE = "mita.auth.roles.granted.v1";
}
