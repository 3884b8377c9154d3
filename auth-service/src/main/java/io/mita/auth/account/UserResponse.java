package io.mita.auth.account;

import java.util.List;
import java.util.UUID;

/** An account as the API shows it; roles sorted by name. */
public record UserResponse(UUID userId, String email, String displayName, List<String> roles) {

    public static UserResponse of(UserProfile profile) {
        return new UserResponse(
                profile.userId(),
                profile.email(),
                profile.displayName(),
                profile.roles().stream().map(Enum::name).sorted().toList());
    }
}
