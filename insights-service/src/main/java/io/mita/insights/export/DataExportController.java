package io.mita.insights.export;

import io.mita.common.export.ExportedTable;
import io.mita.common.export.PersonalDataExport;
import io.mita.common.security.CurrentUser;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/insights/me/export}: everything insights-service holds about the caller (GDPR Art. 15 and 20), one JSON document with
 * one array per table that the erasure of the account deletes (docs/auth.md, "Data export"), streamed page by page
 * (common-lib's {@link PersonalDataExport}). auth-service calls it with a short-lived token of the user to build
 * the archive of {@code POST /api/auth/me/export}; the user may call it too.
 * Not exported: the rebuild's shadow tables (a transient copy of the projections while a rebuild runs) and the
 * erasure tombstone (it exists only once the account is gone).
 */
@RestController
class DataExportController {

    static final String PATH = "/api/insights/me/export";
    static final String SERVICE = "insights";

    /** The tables the erasure deletes, read instead; each with a key unique per row for paging. */
    static final List<ExportedTable> TABLES = List.of(
            ExportedTable.table("insight", "id"),
            ExportedTable.table("insight_refresh", "month"),
            ExportedTable.table("projected_transaction", "transaction_id"),
            ExportedTable.table("projected_plan", "month"),
            ExportedTable.table("category_month_total", "concat_ws(':', month, type, category, currency)"),
            ExportedTable.table("daily_total", "concat_ws(':', day, type, currency)"),
            ExportedTable.table("merchant_stat", "concat_ws(':', merchant, currency)"));

    private final PersonalDataExport export;

    DataExportController(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<DataBuffer> export(CurrentUser user) {
        return export.export(SERVICE, user.userId(), TABLES);
    }
}
