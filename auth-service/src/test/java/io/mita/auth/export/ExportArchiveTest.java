package io.mita.auth.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ExportArchiveTest {

    @Test
    void eachEntryIsStoredWithItsSizeAndSha256AndTheManifestComesLast() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ExportArchive archive = new ExportArchive(out);
        byte[] budget = "{\"service\":\"budget\"}".getBytes(StandardCharsets.UTF_8);

        String hash = archive.add("budget.json", new ByteArrayInputStream(budget));
        archive.add("auth.json", "{}".getBytes(StandardCharsets.UTF_8));
        archive.finish("{\"entries\":[]}".getBytes(StandardCharsets.UTF_8));
        byte[] zip = out.toByteArray();

        assertThat(hash).isEqualTo(ExportArchive.sha256(budget));
        assertThat(archive.entries()).hasSize(2);
        assertThat(archive.entries().get(0))
                .containsEntry("name", "budget.json")
                .containsEntry("size", (long) budget.length)
                .containsEntry("sha256", hash);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly("budget.json", "auth.json", "manifest.json");
        assertThat(entries.get("budget.json")).isEqualTo(budget);
    }

    @Test
    void theSha256IsTheStandardOne() {
        assertThat(ExportArchive.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theServicesExportPathsFollowTheirGatewayPrefixes() {
        assertThat(ServiceExportClient.pathOf("budget")).isEqualTo("/api/budget/me/export");
        assertThat(ServiceExportClient.pathOf("notification")).isEqualTo("/api/notifications/me/export");
    }

    @Test
    void aTokenForTheServicesLivesAtMostFiveMinutes() {
        assertThatThrownBy(() -> new DataExportProperties(
                        Map.of("budget", URI.create("http://127.0.0.1:8082")),
                        Duration.ofDays(7),
                        3,
                        2,
                        Duration.ofSeconds(60),
                        2,
                        Duration.ofMinutes(6),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(15),
                        3,
                        Duration.ofMinutes(1),
                        DataSize.ofMegabytes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token-ttl");
    }

    @Test
    void aChunkLargerThanOneMebibyteIsRefused() {
        assertThatThrownBy(() -> new DataExportProperties(
                        Map.of("budget", URI.create("http://127.0.0.1:8082")),
                        Duration.ofDays(7),
                        3,
                        2,
                        Duration.ofSeconds(60),
                        2,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(15),
                        3,
                        Duration.ofMinutes(1),
                        DataSize.ofMegabytes(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunk-size");
    }

    @Test
    void theChunkingStreamCutsAtTheChunkSizeAndHashesTheWhole() throws IOException {
        byte[] content = new byte[10_000];
        new java.util.Random(7).nextBytes(content);
        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        java.util.List<Integer> seqs = new java.util.ArrayList<>();
        ChunkingOutputStream out = new ChunkingOutputStream(4096, (seq, chunk) -> {
            seqs.add(seq);
            chunks.add(chunk);
        });

        out.write(content, 0, 5000);
        out.write(content[5000]);
        out.write(content, 5001, content.length - 5001);
        out.close();

        assertThat(seqs).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(chunk -> chunk.length).containsExactly(4096, 4096, 1808);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            joined.write(chunk);
        }
        assertThat(joined.toByteArray()).isEqualTo(content);
        assertThat(out.size()).isEqualTo(content.length);
        assertThat(out.chunks()).isEqualTo(3);
        assertThat(out.sha256()).isEqualTo(ExportArchive.sha256(content));
    }

    @Test
    void anEmptyStreamWritesNoChunk() throws IOException {
        java.util.List<Integer> seqs = new java.util.ArrayList<>();
        ChunkingOutputStream out = new ChunkingOutputStream(16, (seq, chunk) -> seqs.add(seq));
        out.close();
        assertThat(seqs).isEmpty();
        assertThat(out.size()).isZero();
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
