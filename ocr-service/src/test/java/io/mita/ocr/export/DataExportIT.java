package io.mita.ocr.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.ocr.image.TestImages;
import io.mita.testsupport.ExportedDocuments;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestTokens;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/ocr/me/export} on PostgreSQL: the caller's receipts, their images as metadata (content type, size,
 * the SHA-256 of the bytes uploaded — never the bytes) and their OCR jobs, nobody else's; every table with a
 * {@code user_id} (found in the schema) is in it; 401 without a token. The worker is off: the receipts stay as
 * uploaded.
 */
@MitaIntegrationTest
@TestPropertySource(properties = "mita.ocr.jobs.enabled=false")
class DataExportIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void theCallerGetsTheirReceiptsWithImageMetadataAndJobsAndNothingOfAnyoneElse() throws Exception {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        byte[] jpeg = TestImages.jpeg(320, 480);
        byte[] png = TestImages.png(300, 400);
        upload(user, jpeg);
        upload(user, png);
        upload(other, TestImages.jpeg(200, 300));

        byte[] body = web.get()
                .uri("/api/ocr/me/export")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode export = JsonMapper.builder().build().readTree(body);

        Map<String, Long> expected = new HashMap<>(PersonalRows.perTable(database, user));
        expected.put("receipt_image", 2L);
        expected.put("ocr_job", 2L);
        assertThat(expected.get("receipt")).isEqualTo(2L);
        ExportedDocuments.assertHoldsExactly(export, "ocr", user, expected, other);
        assertThat(export.get("receipt_image")).hasSize(2).allSatisfy(image -> {
            assertThat(image.has("content")).as("no image bytes").isFalse();
            assertThat(image.get("content_type").asString()).startsWith("image/");
        });
        List<String> hashes = new ArrayList<>();
        for (JsonNode image : export.get("receipt_image")) {
            hashes.add(image.get("sha256").asString());
        }
        assertThat(hashes).containsExactlyInAnyOrder(sha256(jpeg), sha256(png));
    }

    @Test
    void withoutATokenTheExportIsRefused() {
        web.get().uri("/api/ocr/me/export").exchange().expectStatus().isUnauthorized();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void upload(UUID user, byte[] image) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(image) {
                    @Override
                    public String getFilename() {
                        return "receipt";
                    }
                })
                .contentType(image[0] == (byte) 0x89 ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG);
        web.post()
                .uri("/api/ocr/receipts")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange()
                .expectStatus()
                .isAccepted();
    }
}
