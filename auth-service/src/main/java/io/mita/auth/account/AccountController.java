package io.mita.auth.account;

import io.mita.common.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/auth")
class AccountController {

    private final UserProfiles profiles;

    AccountController(UserProfiles profiles) {
        this.profiles = profiles;
    }

    /** The caller's own account, with the roles it has now (which may be newer than the token's). */
    @GetMapping("/me")
    Mono<UserResponse> me(CurrentUser user) {
        return profiles.profile(user.userId()).map(UserResponse::of);
    }
}
