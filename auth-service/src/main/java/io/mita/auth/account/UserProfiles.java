package io.mita.auth.account;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads an account together with its roles. */
@Service
public class UserProfiles {

    private final UserAccountRepository accounts;
    private final UserRoleRepository roles;

    UserProfiles(UserAccountRepository accounts, UserRoleRepository roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    /** The profile, or {@link UserNotFoundException}. */
    public Mono<UserProfile> profile(UUID userId) {
        return accounts.findById(userId)
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)))
                .flatMap(account -> roles.rolesOf(userId)
                        .map(granted ->
                                new UserProfile(account.id(), account.email(), account.displayName(), granted)));
    }
}
