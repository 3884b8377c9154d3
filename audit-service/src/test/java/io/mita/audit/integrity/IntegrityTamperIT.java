package io.mita.audit.integrity;

import static io.mita.audit.AuditApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.AuditApi;
import io.mita.audit.OwnerHistory;
import io.mita.audit.OwnerSql;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainedRecord;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tamper evidence against the real PostgreSQL: a superuser edits, deletes and inserts rows directly with the
 * append-only triggers switched off, and the integrity check names the record; a forger who also recomputes the
 * chain is caught by the signed digest. Each test checks the time range of its own records, so the tampering of
 * one test does not show in another's report (a record one test forges is removed again).
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            // a database of its own, which no consumer writes into: each test appends and signs itself
            "spring.kafka.listener.auto-startup=false",
            "mita.audit.integrity.digest-interval=100d"
        })
class IntegrityTamperIT {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private IntegrityVerifier verifier;

    @Autowired
    private DigestSigner signer;

    @Autowired
    private WebTestClient web;

    @Value("${mita.service.database}")
    private String database;

    private OwnerSql owner;

    @BeforeEach
    void owner() {
        owner = new OwnerSql(database);
    }

    private AppendedBatch appendFive() {
        return AppendedBatch.append(context, owner, 5);
    }

    private long seqOf(UUID eventId) {
        return (Long) owner.scalar("SELECT seq FROM audit_event WHERE event_id = ?", eventId);
    }

    private IntegrityReport verify(AppendedBatch batch) {
        return batch.verifiedBy(verifier);
    }

    @Test
    void anUntouchedLogVerifiesWithItsDigests() {
        AppendedBatch batch = appendFive();
        Digest digest = signer.signNow().block(Duration.ofSeconds(30));

        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isTrue();
        assertThat(report.recordsVerified()).isEqualTo(5);
        assertThat(report.firstSeq()).isEqualTo(seqOf(batch.ids().get(0)));
        assertThat(report.lastSeq()).isEqualTo(seqOf(batch.ids().get(4)));
        assertThat(report.digestsVerified()).isGreaterThanOrEqualTo(1);
        assertThat(report.firstBrokenRecord()).isNull();
        assertThat(report.firstBrokenDigest()).isNull();
        assertThat(digest.lastSeq()).isEqualTo(seqOf(batch.ids().get(4)));
        assertThat(digest.eventCount()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aSignedDigestStoresTheChainHeadAndSignaturesAsTheirOwnBytesAndReadsThemBackUnchanged() {
        appendFive();
        Digest first = signer.signNow().block(Duration.ofSeconds(30));
        Digest second = signer.signNow().block(Duration.ofSeconds(30));

        Object[] stored = owner.query(
                        "SELECT d.last_hash = c.hash, octet_length(d.last_hash), octet_length(d.signature),"
                                + " d.previous_signature = p.signature FROM audit_digest d"
                                + " JOIN audit_chain c ON c.seq = d.last_seq"
                                + " JOIN audit_digest p ON p.digest_id = ? WHERE d.digest_id = ?",
                        first.digestId(),
                        second.digestId())
                .get(0);
        Digest readBack = context.getBean(IntegrityStore.class).lastDigest().block(Duration.ofSeconds(30));

        assertThat(stored).containsExactly(true, 32, 64, true);
        assertThat(readBack.digestId()).isEqualTo(second.digestId());
        assertThat(readBack.lastHash()).isEqualTo(second.lastHash());
        assertThat(readBack.previousSignature()).isEqualTo(first.signature());
        assertThat(readBack.signature()).isEqualTo(second.signature());
    }

    @Test
    void aRecordEditedBySuperuserIsNamedAsAltered() {
        AppendedBatch batch = appendFive();
        UUID edited = batch.ids().get(2);

        owner.tamper("UPDATE audit_event SET data = '{\"n\": 99}'::jsonb WHERE event_id = ?", edited);
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenRecord().eventId()).isEqualTo(edited);
        assertThat(report.firstBrokenRecord().seq()).isEqualTo(seqOf(edited));
        assertThat(report.firstBrokenRecord().problem()).isEqualTo("ALTERED");
        assertThat(report.recordsVerified()).isEqualTo(2);
    }

    @Test
    void aRecordDeletedBySuperuserIsNamedFromItsChainLink() {
        AppendedBatch batch = appendFive();
        UUID deleted = batch.ids().get(1);
        long seq = seqOf(deleted);

        owner.tamper("DELETE FROM audit_event WHERE event_id = ?", deleted);
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenRecord().eventId()).isEqualTo(deleted);
        assertThat(report.firstBrokenRecord().seq()).isEqualTo(seq);
        assertThat(report.firstBrokenRecord().problem()).isEqualTo("DELETED");
    }

    @Test
    void aRecordDeletedWithItsChainLinkBreaksTheLinkOfTheRecordAfterIt() {
        AppendedBatch batch = appendFive();
        UUID deleted = batch.ids().get(3);

        owner.tamper("DELETE FROM audit_chain WHERE event_id = ?", deleted);
        owner.tamper("DELETE FROM audit_event WHERE event_id = ?", deleted);
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenRecord().eventId()).isEqualTo(batch.ids().get(4));
        assertThat(report.firstBrokenRecord().problem()).isEqualTo("CHAIN_BROKEN");
    }

    @Test
    void aRecordInsertedBySuperuserIsNamedAsNotChained() {
        AppendedBatch batch = appendFive();
        UUID inserted = UUID.randomUUID();

        // a plausible forgery: received inside the batch's range, like its neighbours
        owner.tamper("""
                INSERT INTO audit_event (event_id, source, type, subject, occurred_at, received_at, topic, partition,
                                         kafka_offset, data)
                VALUES (?, '/mita/auth', 'mita.auth.user.role-granted.v1', 'forged', now(), ?, 'mita.auth.v1', 0,
                        0, '{}'::jsonb)""", inserted, batch.from().atOffset(ZoneOffset.UTC));
        try {
            IntegrityReport report = verify(batch);

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenRecord().eventId()).isEqualTo(inserted);
            assertThat(report.firstBrokenRecord().problem()).isEqualTo("NOT_CHAINED");
            assertThat(report.recordsVerified()).isEqualTo(5);
        } finally {
            // the other tests' ranges start after this batch's last link: the forged row would be theirs to report
            owner.tamper("DELETE FROM audit_event WHERE event_id = ?", inserted);
        }
    }

    @Test
    void aForgerWhoRecomputesTheChainAfterAnEditFailsTheSignedDigest() {
        AppendedBatch batch = appendFive();
        Digest digest = signer.signNow().block(Duration.ofSeconds(30));
        UUID edited = batch.ids().get(1);

        owner.tamper("UPDATE audit_event SET subject = 'someone-else' WHERE event_id = ?", edited);
        recomputeChainFrom(seqOf(edited));
        IntegrityReport report = verify(batch);

        assertThat(report.firstBrokenRecord())
                .as("the recomputed chain is consistent")
                .isNull();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenDigest().digestId()).isEqualTo(digest.digestId());
        assertThat(report.firstBrokenDigest().problem()).isEqualTo("CHAIN_MISMATCH");
    }

    @Test
    void aDigestEditedAfterSigningFailsItsSignature() {
        AppendedBatch batch = appendFive();
        Digest digest = signer.signNow().block(Duration.ofSeconds(30));

        owner.tamper("UPDATE audit_digest SET event_count = event_count + 1 WHERE digest_id = ?", digest.digestId());
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenDigest().digestId()).isEqualTo(digest.digestId());
        assertThat(report.firstBrokenDigest().problem()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void aDeletedDigestIsNoticedByTheDigestAfterIt() {
        AppendedBatch batch = appendFive();
        Digest removed = signer.signNow().block(Duration.ofSeconds(30));
        Digest next = signer.signNow().block(Duration.ofSeconds(30));

        owner.tamper("DELETE FROM audit_digest WHERE digest_id = ?", removed.digestId());
        IntegrityReport report = verify(batch);

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenDigest().digestId()).isEqualTo(next.digestId());
        assertThat(report.firstBrokenDigest().problem()).isEqualTo("DIGEST_MISSING");
    }

    @Test
    void complianceRunsTheCheckThroughTheApiAndVerifiesDigestsWithThePublishedKey() throws Exception {
        AppendedBatch batch = appendFive();
        Digest digest = signer.signNow().block(Duration.ofSeconds(30));
        String token = TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE");

        Map<?, ?> report = web.get()
                .uri(uri -> uri.path("/api/audit/integrity")
                        .queryParam("from", batch.from().toString())
                        .queryParam("to", batch.to().toString())
                        .build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> key = web.get()
                .uri("/api/audit/public-key")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(report.get("intact")).isEqualTo(true);
        assertThat(((Number) report.get("recordsVerified")).longValue()).isEqualTo(5);
        assertThat(key.get("algorithm")).isEqualTo("Ed25519");
        PublicKey published = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) key.get("publicKey"))));
        byte[] storedSignature = HexFormat.of().parseHex((String) owner.scalar(
                "SELECT encode(signature, 'hex') FROM audit_digest WHERE digest_id = ?", digest.digestId()));
        assertThat(DigestKeys.verify(published, digest.message(), storedSignature))
                .isTrue();
        assertThat(key.get("keyId")).isEqualTo(digest.keyId());
    }

    @Test
    void onlyComplianceMayRunTheCheckOrReadTheKeyAndABadRangeIsRefused() {
        AuditApi user = new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "USER"));
        AuditApi compliance = new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"));

        expectProblem(user.call("/api/audit/integrity"), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        expectProblem(user.call("/api/audit/public-key"), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        web.get().uri("/api/audit/integrity").exchange().expectStatus().isUnauthorized();
        expectProblem(
                compliance.call("/api/audit/integrity?from=yesterday"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        expectProblem(
                compliance.call("/api/audit/integrity?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    /** What a forger with the owner's credentials and this code can do: rewrite every link from {@code seq} on. */
    private void recomputeChainFrom(long seq) {
        byte[] previous = HexFormat.of()
                .parseHex((String) owner.scalar("SELECT encode(prev_hash, 'hex') FROM audit_chain WHERE seq = ?", seq));
        for (Object[] row : owner.query(
                "SELECT seq, event_id, source, type, subject, actor_id, correlation_id, occurred_at, received_at,"
                        + " topic, partition, kafka_offset, data::text, array_to_string(email_hashes, ','),"
                        + " encode(sealed_data, 'hex')"
                        + " FROM audit_event WHERE seq >= ? ORDER BY seq",
                seq)) {
            ChainedRecord record = OwnerHistory.record(row);
            byte[] hash = ChainHash.next(previous, record);
            owner.tamper(
                    "UPDATE audit_chain SET prev_hash = decode(?, 'hex'), hash = decode(?, 'hex') WHERE seq = ?",
                    ChainHash.hex(previous),
                    ChainHash.hex(hash),
                    record.seq());
            previous = hash;
        }
    }
}
