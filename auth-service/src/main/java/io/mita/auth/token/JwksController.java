package io.mita.auth.token;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public keys every resource server verifies access tokens with (RFC 7517 JWK set). Public. */
@RestController
class JwksController {

    private final SigningKeys signingKeys;

    JwksController(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> jwks() {
        // toJSONObject(true): public parameters only, whatever the key objects hold
        return signingKeys.publishedKeys().map(keys -> keys.toJSONObject(true));
    }
}
