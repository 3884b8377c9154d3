package io.mita.auth.admin;

import io.mita.auth.account.UserProfiles;
import io.mita.auth.account.UserResponse;
import io.mita.auth.lockout.AccountLockout;
import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Accounts as administrators see and change them. ADMIN only. */
@RestController
@RequestMapping("/api/auth/admin/users")
class UserAdministrationController {

    private final RoleAdministrationService roleAdministration;
    private final UserProfiles profiles;
    private final AccountLockout lockout;

    UserAdministrationController(
            RoleAdministrationService roleAdministration, UserProfiles profiles, AccountLockout lockout) {
        this.roleAdministration = roleAdministration;
        this.profiles = profiles;
        this.lockout = lockout;
    }

    @GetMapping("/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UserResponse> user(@PathVariable UUID userId) {
        return profiles.profile(userId).map(UserResponse::of);
    }

    @PutMapping("/{userId}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UserRolesResponse> replaceRoles(
            @PathVariable UUID userId, @Valid @RequestBody ReplaceRolesRequest request, CurrentUser admin) {
        return roleAdministration
                .replaceRoles(userId, request.roles(), admin.userId())
                .map(roles -> new UserRolesResponse(
                        userId, roles.stream().map(Enum::name).sorted().toList()));
    }

    /** Clears a login lockout (and the failure count); {@code wasLocked} tells whether a lock was on. */
    @PostMapping("/{userId}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<UnlockResponse> unlock(@PathVariable UUID userId, CurrentUser admin) {
        return lockout.unlockByAdministrator(userId, admin.userId())
                .map(wasLocked -> new UnlockResponse(userId, wasLocked));
    }
}
