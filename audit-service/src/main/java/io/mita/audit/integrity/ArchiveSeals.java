package io.mita.audit.integrity;

import io.mita.audit.chain.ChainCut;
import java.security.PublicKey;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the retention job needs from tamper evidence before a month leaves the database: a signed digest that seals
 * the month's end, the digests that cover the month (for the archive's manifest), the month's integrity check, and
 * the Ed25519 signature of the cut (the manifest's and the anchor's).
 */
@Component
public class ArchiveSeals {

    private final IntegrityStore store;
    private final DigestSigner signer;
    private final DigestKeys keys;
    private final IntegrityVerifier verifier;

    ArchiveSeals(IntegrityStore store, DigestSigner signer, DigestKeys keys, IntegrityVerifier verifier) {
        this.store = store;
        this.signer = signer;
        this.keys = keys;
        this.verifier = verifier;
    }

    /** Makes sure a signed digest's head is at or beyond {@code seq}: the newest digest, or one signed now. */
    public Mono<Void> sealThrough(long seq) {
        return store.lastDigest()
                .filter(digest -> digest.lastSeq() != null && digest.lastSeq() >= seq)
                .switchIfEmpty(Mono.defer(signer::signNow))
                .then();
    }

    /** The digests whose head lies in [firstSeq, lastSeq] and the first one beyond it (it seals the end), oldest first. */
    public Flux<Digest> digestsCovering(long firstSeq, long lastSeq) {
        return store.digestsCovering(firstSeq, lastSeq);
    }

    /** The integrity check over the records received in [from, to), digests included. */
    public Mono<IntegrityReport> verify(Instant from, Instant to) {
        return verifier.verify(from, to);
    }

    /** The Ed25519 signature of the cut's message, with the service's digest key. */
    public byte[] sign(ChainCut cut) {
        if (!keys.keyId().equals(cut.keyId())) {
            throw new IllegalArgumentException(
                    "a cut names key " + cut.keyId() + ", the service signs with " + keyId());
        }
        return keys.sign(cut.message());
    }

    public String keyId() {
        return keys.keyId();
    }

    public PublicKey publicKey() {
        return keys.publicKey();
    }
}
