package io.mita.audit.integrity;

import io.mita.audit.trail.AccessTrail;
import io.mita.common.problem.ProblemException;
import io.mita.common.security.CurrentUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tamper evidence for compliance staff and auditors: run the integrity check, fetch the digests' public key. */
@RestController
@RequestMapping("/api/audit")
class IntegrityController {

    private final IntegrityVerifier verifier;
    private final DigestKeys keys;
    private final AccessTrail trail;

    IntegrityController(IntegrityVerifier verifier, DigestKeys keys, AccessTrail trail) {
        this.verifier = verifier;
        this.keys = keys;
        this.trail = trail;
    }

    /**
     * Verifies the chain over the records received in [from, to) (ISO-8601 with offset; both optional: the whole
     * log) and every digest whose period overlaps it. Always 200: the report says whether the log is intact.
     */
    @GetMapping("/integrity")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<IntegrityReport> integrity(
            CurrentUser user, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.fromSupplier(() -> new Instant[] {instant("from", from), instant("to", to)})
                .flatMap(range -> {
                    if (range[0] != null && range[1] != null && !range[0].isBefore(range[1])) {
                        return Mono.error(invalid("'from' must be before 'to'."));
                    }
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("from", range[0] == null ? "" : range[0].toString());
                    details.put("to", range[1] == null ? "" : range[1].toString());
                    return trail.record(user.userId(), "integrity", details).then(verifier.verify(range[0], range[1]));
                });
    }

    /** The Ed25519 public key that verifies every digest (X.509 SubjectPublicKeyInfo, base64 and PEM). */
    @GetMapping("/public-key")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<PublicKeyResponse> publicKey() {
        String base64 = Base64.getEncoder().encodeToString(keys.publicKey().getEncoded());
        return Mono.just(new PublicKeyResponse(
                DigestKeys.ALGORITHM,
                keys.keyId(),
                base64,
                "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n"));
    }

    record PublicKeyResponse(String algorithm, String keyId, String publicKey, String pem) {}

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("'" + name + "' must be an ISO-8601 date-time with offset, e.g. 2025-01-31T00:00:00Z.");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Validation failed", detail);
    }
}
