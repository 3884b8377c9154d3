package io.mita.insights.export;

import io.mita.common.export.ExportedTable;
import io.mita.common.export.UserDataExportPlan;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /api/insights/me/export} (served by common-lib from this plan): everything insights-service holds about the caller (GDPR Art. 15 and 20), one JSON document with
 * one array per table that the erasure of the account deletes (docs/auth.md, "Data export"), streamed page by page
 * (common-lib's {@code PersonalDataExport}). auth-service calls it with a short-lived token of the user to build
 * the archive of {@code POST /api/auth/me/export}; the user may call it too.
 * Not exported: the rebuild's shadow tables (a transient copy of the projections while a rebuild runs) and the
 * erasure tombstone (it exists only once the account is gone).
 */
@Configuration(proxyBeanMethods = false)
class ExportPlan {

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

    @Bean
    UserDataExportPlan userDataExportPlan() {
        return new UserDataExportPlan(SERVICE, PATH, TABLES);
    }
}
