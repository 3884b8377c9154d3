package io.mita.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The auditor's offline check ({@code infra/audit/verify-archive}): with only the archive, its manifest and the
 * public key it passes an untouched archive, and names the line that was edited, deleted or inserted, and a
 * manifest or key that does not match.
 */
class VerifyArchiveTest {

    @TempDir
    Path directory;

    private ArchiveFixtures month;

    @BeforeEach
    void archiveAMonth() {
        month = ArchiveFixtures.aMonthArchivedIn(directory);
    }

    private record Run(int exit, String out) {}

    private Run verify(Path publicKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyArchive.run(
                new String[] {month.archive.toString(), month.manifest.toString(), publicKey.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private Run verify() {
        return verify(month.publicKey);
    }

    @Test
    void anUntouchedArchiveVerifiesWithOnlyItsManifestAndThePublicKey() {
        Run run = verify();

        assertThat(run.out()).contains("5 lines verified").contains("INTACT").doesNotContain("BROKEN");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aPublicKeyGivenAsBareBase64AlsoWorks() throws Exception {
        Path bare = directory.resolve("key.b64");
        Files.writeString(
                bare, Base64.getEncoder().encodeToString(month.keys.getPublic().getEncoded()));

        assertThat(verify(bare).exit()).isZero();
    }

    @Test
    void anEditedLineIsNamed() {
        List<String> lines = month.lines();
        lines.set(2, lines.get(2).replace("\"/mita/budget\"", "\"/mita/forged\""));
        month.rewrite(lines);

        Run run = verify();

        assertThat(run.out()).contains("BROKEN line 3 (seq 30): ALTERED").contains("FILE_HASH_MISMATCH");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aDeletedLineIsNamedByTheLineThatNoLongerFollows() {
        List<String> lines = month.lines();
        lines.remove(1);
        month.rewrite(lines);

        Run run = verify();

        assertThat(run.out()).contains("BROKEN line 2 (seq 30): CHAIN_BROKEN");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aDeletedLastLineIsNamedAsMissing() {
        List<String> lines = month.lines();
        lines.remove(4);
        month.rewrite(lines);

        Run run = verify();

        assertThat(run.out()).contains("BROKEN line 5: MISSING");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void anInsertedLineIsNamed() {
        List<String> lines = month.lines();
        ObjectNode forged = (ObjectNode) ArchiveFixtures.JSON.readTree(lines.get(1));
        forged.put("seq", 25);
        forged.put("eventId", "00000000-0000-0000-0000-000000000025");
        forged.put("prevHash", forged.get("hash").stringValue());
        lines.add(2, ArchiveFixtures.JSON.writeValueAsString(forged));
        month.rewrite(lines);

        Run run = verify();

        assertThat(run.out()).contains("BROKEN line 3 (seq 25): ALTERED");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void anInsertedLineWithARecomputedHashIsNamedByTheLineAfterIt() {
        List<String> lines = month.lines();
        ArchiveLine second = ArchiveFixtures.JSON.readValue(lines.get(1), ArchiveLine.class);
        ArchiveLine forged = ArchiveLine.of(
                ArchiveFixtures.record(25),
                second.hashBytes(),
                io.mita.audit.chain.ChainHash.next(second.hashBytes(), ArchiveFixtures.record(25)));
        lines.add(2, ArchiveFixtures.JSON.writeValueAsString(forged));
        month.rewrite(lines);

        Run run = verify();

        assertThat(run.out()).contains("BROKEN line 4 (seq 30): CHAIN_BROKEN");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aManifestChangedAfterSigningFailsItsSignature() throws Exception {
        ObjectNode manifest = (ObjectNode) ArchiveFixtures.JSON.readTree(Files.readString(month.manifest));
        manifest.put("recordCount", 4);
        Files.writeString(month.manifest, ArchiveFixtures.JSON.writeValueAsString(manifest));

        Run run = verify();

        assertThat(run.out()).contains("BAD_SIGNATURE");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void anotherPublicKeyIsRefused() throws Exception {
        Path other = directory.resolve("other.b64");
        Files.writeString(
                other,
                Base64.getEncoder()
                        .encodeToString(ArchiveFixtures.newKeyPair().getPublic().getEncoded()));

        Run run = verify(other);

        assertThat(run.out())
                .contains("UNKNOWN_KEY")
                .contains("BAD_DIGEST_SIGNATURE")
                .contains("NOT INTACT");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aWrongUsageOrAMissingFileExitsWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(VerifyArchive.run(new String[] {"only-one"}, stream, stream)).isEqualTo(2);
        assertThat(VerifyArchive.run(
                        new String[] {
                            month.archive.toString(),
                            directory.resolve("none.json").toString(),
                            month.publicKey.toString()
                        },
                        stream,
                        stream))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: verify-archive");
    }
}
