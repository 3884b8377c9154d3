package io.mita.ocr.export;

import io.mita.common.export.ExportedTable;
import io.mita.common.export.UserDataExportPlan;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /api/ocr/me/export} (served by common-lib from this plan): everything ocr-service holds about the caller (GDPR Art. 15 and 20), one JSON document with
 * one array per table that the erasure of the account deletes (docs/auth.md, "Data export"), streamed page by page
 * (common-lib's {@code PersonalDataExport}). auth-service calls it with a short-lived token of the user to build
 * the archive of {@code POST /api/auth/me/export}; the user may call it too.
 * Receipt images are exported as metadata (receipt id, content type, size, sha-256), not as bytes.
 */
@Configuration(proxyBeanMethods = false)
class ExportPlan {

    static final String PATH = "/api/ocr/me/export";
    static final String SERVICE = "ocr";

    /** The tables the erasure deletes, read instead; each with a key unique per row for paging. */
    static final List<ExportedTable> TABLES = List.of(
            ExportedTable.table("receipt", "id"),
            // the images as metadata only (the bytes are the photos the user sent; the sha-256 identifies them)
            new ExportedTable(
                    "receipt_image",
                    "SELECT i.receipt_id, r.content_type, r.size_bytes, r.sha256 FROM receipt_image i"
                            + " JOIN receipt r ON r.id = i.receipt_id WHERE r.user_id = :userId",
                    "receipt_id"),
            new ExportedTable(
                    "ocr_job",
                    "SELECT j.* FROM ocr_job j JOIN receipt r ON r.id = j.receipt_id WHERE r.user_id = :userId",
                    "receipt_id"));

    @Bean
    UserDataExportPlan userDataExportPlan() {
        return new UserDataExportPlan(SERVICE, PATH, TABLES);
    }
}
