package io.mita.auth.registration;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/auth")
class RegistrationController {

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    /** 201 with the new user's id; the Location is the account as administrators read it. */
    @PostMapping("/register")
    Mono<ResponseEntity<RegisteredUserResponse>> register(@Valid @RequestBody RegisterUserRequest request) {
        return registration
                .register(request.email(), request.password(), request.displayName())
                .map(userId -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/auth/admin/users/" + userId))
                        .body(new RegisteredUserResponse(userId)));
    }
}
