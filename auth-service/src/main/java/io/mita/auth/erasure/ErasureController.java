package io.mita.auth.erasure;

import io.mita.common.security.CurrentUser;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Account deletion: {@code DELETE /api/auth/me} with the password again (body {@code {"password"}} or header
 * {@value #PASSWORD_HEADER}, for clients that send no body with DELETE), and
 * {@code DELETE /api/auth/admin/users/{id}} for administrators.
 */
@RestController
class ErasureController {

    static final String PASSWORD_HEADER = "X-Current-Password";

    private final EraseAccount erase;

    ErasureController(EraseAccount erase) {
        this.erase = erase;
    }

    record EraseRequest(@Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "EraseRequest[password=<redacted>]";
        }
    }

    @DeleteMapping("/api/auth/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> eraseOwn(
            CurrentUser user,
            @RequestHeader(name = PASSWORD_HEADER, required = false) String headerPassword,
            @RequestBody(required = false) Mono<EraseRequest> body) {
        return body.mapNotNull(EraseRequest::password)
                .switchIfEmpty(Mono.justOrEmpty(headerPassword))
                .switchIfEmpty(Mono.error(PasswordRequiredException::new))
                .flatMap(password -> erase.eraseOwn(user.userId(), password));
    }

    @DeleteMapping("/api/auth/admin/users/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> eraseByAdministrator(@PathVariable UUID userId, CurrentUser admin) {
        return erase.eraseByAdministrator(userId, admin.userId());
    }
}
