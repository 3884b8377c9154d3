package io.mita.auth.erasure;

import io.mita.common.security.CurrentUser;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account deletion: {@code DELETE /api/auth/me} with the password again (body {@code {"password"}} or header
 * {@value #PASSWORD_HEADER}, for clients that send no body with DELETE), and
 * {@code DELETE /api/auth/admin/users/{id}} for administrators.
 */
@RestController
class ErasureController {

    static final String PASSWORD_HEADER = "X-Current-Password";

    private static final int MAX_BODY_BYTES = 4096;

    private final EraseAccount erase;
    private final JsonMapper json;

    ErasureController(EraseAccount erase, JsonMapper json) {
        this.erase = erase;
        this.json = json;
    }

    /**
     * The body is read by hand: a DELETE often comes without body and without Content-Type, which a
     * {@code @RequestBody} would answer with 415 instead of saying that the password is missing.
     */
    @DeleteMapping("/api/auth/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> eraseOwn(
            CurrentUser user,
            @RequestHeader(name = PASSWORD_HEADER, required = false) String headerPassword,
            ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMap(this::passwordOf)
                .switchIfEmpty(Mono.justOrEmpty(headerPassword))
                .filter(password -> !password.isEmpty())
                .switchIfEmpty(Mono.error(PasswordRequiredException::new))
                .flatMap(password -> erase.eraseOwn(user.userId(), password));
    }

    private Mono<String> passwordOf(byte[] body) {
        if (body.length == 0) {
            return Mono.empty();
        }
        try {
            JsonNode password = json.readTree(body).get("password");
            return password != null && password.isString() ? Mono.just(password.asString()) : Mono.empty();
        } catch (JacksonException e) {
            return Mono.error(new PasswordRequiredException());
        }
    }

    @DeleteMapping("/api/auth/admin/users/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> eraseByAdministrator(@PathVariable UUID userId, CurrentUser admin) {
        return erase.eraseByAdministrator(userId, admin.userId());
    }
}
