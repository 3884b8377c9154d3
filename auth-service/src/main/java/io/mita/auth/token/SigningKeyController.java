package io.mita.auth.token;

import io.mita.common.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Signing-key administration. ADMIN only. */
@RestController
@RequestMapping("/api/auth/admin/signing-keys")
class SigningKeyController {

    private final SigningKeyRotation rotation;

    SigningKeyController(SigningKeyRotation rotation) {
        this.rotation = rotation;
    }

    /** A new key signs from now on; tokens signed with the previous one stay valid until they expire. */
    @PostMapping("/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<RotatedKeyResponse> rotate(CurrentUser admin) {
        return rotation.rotate(admin.userId().toString())
                .map(rotated -> new RotatedKeyResponse(rotated.kid(), rotated.previousKid()));
    }
}
