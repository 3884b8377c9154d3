package io.mita.auth.mfa;

import io.mita.auth.mfa.domain.RecoveryCodes;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Replaces a user's recovery codes with ten new ones (stored as keyed hashes); answers them, to be shown once. */
@Component
class RecoveryCodeIssuer {

    private final MfaRepository store;
    private final MfaSecrets secrets;

    RecoveryCodeIssuer(MfaRepository store, MfaSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    /** Call inside the caller's transaction. */
    Mono<List<String>> issue(UUID userId) {
        List<String> codes = RecoveryCodes.generate();
        List<String> hashes = codes.stream()
                .map(code -> secrets.recoveryCodeHash(userId, RecoveryCodes.normalise(code)))
                .toList();
        return store.replaceRecoveryCodes(userId, hashes).thenReturn(codes);
    }
}
