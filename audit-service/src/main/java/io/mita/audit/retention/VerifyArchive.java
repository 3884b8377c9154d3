package io.mita.audit.retention;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline check of an archive, for an auditor: needs only the archive, its manifest and the digests' public key
 * (PEM, or the base64 of {@code GET /api/audit/public-key}), no database and no running service.
 *
 * <pre>
 * infra/audit/verify-archive audit-2025-01.ndjson.gz audit-2025-01.manifest.json audit-public-key.pem
 * </pre>
 *
 * Exit status 0: intact; 1: broken (the first broken line is named, then every other problem); 2: cannot run
 * (usage, a file missing or unreadable).
 */
public final class VerifyArchive {

    private VerifyArchive() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("usage: verify-archive <archive.ndjson.gz> <manifest.json> <public-key.pem|base64>");
            return 2;
        }
        Path archive = Path.of(args[0]);
        Path manifestFile = Path.of(args[1]);
        try {
            PublicKey key = publicKey(Path.of(args[2]));
            ArchiveVerifier verifier = new ArchiveVerifier(JsonMapper.builder().build());
            ArchiveManifest manifest = verifier.readManifest(manifestFile);
            ArchiveVerifier.Result result = verifier.verify(archive, manifest, key);
            out.println("archive " + archive.getFileName() + " (month " + manifest.month() + "): "
                    + manifest.recordCount() + " records signed, seq " + manifest.firstSeq() + " to "
                    + manifest.lastSeq() + ", " + result.linesVerified() + " lines verified");
            if (result.firstBrokenLine() != null) {
                ArchiveVerifier.BrokenLine broken = result.firstBrokenLine();
                out.println("BROKEN line " + broken.line() + (broken.seq() == null ? "" : " (seq " + broken.seq() + ")")
                        + ": " + broken.problem() + ": " + broken.detail());
            }
            result.problems().forEach(problem -> out.println("BROKEN " + problem));
            out.println(result.intact() ? "INTACT" : "NOT INTACT");
            return result.intact() ? 0 : 1;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            err.println("verify-archive: " + e.getMessage());
            return 2;
        }
    }

    /** An Ed25519 public key: X.509 SubjectPublicKeyInfo as PEM or as bare base64. */
    static PublicKey publicKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(text);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
