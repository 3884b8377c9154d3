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

class ExportArchiveTest {

    @Test
    void eachEntryIsStoredWithItsSizeAndSha256AndTheManifestComesLast() throws IOException {
        ExportArchive archive = new ExportArchive();
        byte[] budget = "{\"service\":\"budget\"}".getBytes(StandardCharsets.UTF_8);

        String hash = archive.add("budget.json", new ByteArrayInputStream(budget));
        archive.add("auth.json", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] zip = archive.finish("{\"entries\":[]}".getBytes(StandardCharsets.UTF_8));

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
                        Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token-ttl");
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
