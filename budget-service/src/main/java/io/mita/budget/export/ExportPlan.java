package io.mita.budget.export;

import io.mita.common.export.ExportedTable;
import io.mita.common.export.UserDataExportPlan;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /api/budget/me/export} (served by common-lib from this plan): everything budget-service holds about the caller (GDPR Art. 15 and 20), one JSON document with
 * one array per table that the erasure of the account deletes (docs/auth.md, "Data export"), streamed page by page
 * (common-lib's {@code PersonalDataExport}). auth-service calls it with a short-lived token of the user to build
 * the archive of {@code POST /api/auth/me/export}; the user may call it too.
 */
@Configuration(proxyBeanMethods = false)
class ExportPlan {

    static final String PATH = "/api/budget/me/export";
    static final String SERVICE = "budget";

    /**
     * Table {@code month_allocation} (a row per user, month and category, V9_3) exported as the rows of the table it
     * replaced: a row per day with its {@code day} and {@code amount_minor}, under the old table's name, so the
     * export's format did not change with the storage.
     */
    static final ExportedTable DAILY_ALLOCATION = new ExportedTable(
            "daily_allocation",
            "SELECT a.user_id, a.month, a.category, a.month + CAST(d.i AS int) - 1 AS day, d.amount_minor"
                    + " FROM month_allocation a CROSS JOIN unnest(a.amounts) WITH ORDINALITY AS d (amount_minor, i)"
                    + " WHERE a.user_id = :userId",
            "concat_ws(':', month, category, day)");

    /** The tables the erasure deletes, read instead; each with a key unique per row for paging. */
    static final List<ExportedTable> TABLES = List.of(
            ExportedTable.table("transaction", "id"),
            ExportedTable.table("idempotency_key", "\"key\""),
            ExportedTable.table("receipt_inbox", "receipt_id"),
            ExportedTable.table("category", "id"),
            ExportedTable.table("budget_plan", "id"),
            DAILY_ALLOCATION,
            ExportedTable.table("redistribution_run", "id"),
            new ExportedTable(
                    "redistribution_move",
                    "SELECT m.* FROM redistribution_move m JOIN redistribution_run r ON r.id = m.run_id"
                            + " WHERE r.user_id = :userId",
                    "concat_ws(':', run_id, position)"),
            ExportedTable.table("threshold_reached", "concat_ws(':', month, category, percent)"),
            ExportedTable.table("goal", "id"),
            ExportedTable.table("goal_contribution", "id"),
            ExportedTable.table("goal_allocation", "goal_id"),
            ExportedTable.table("habit", "id"),
            new ExportedTable(
                    "habit_completion",
                    "SELECT c.* FROM habit_completion c JOIN habit h ON h.id = c.habit_id WHERE h.user_id = :userId",
                    "concat_ws(':', habit_id, day)"),
            ExportedTable.table("stored_dashboard", "user_id"),
            ExportedTable.table("dashboard_data_version", "user_id"));

    @Bean
    UserDataExportPlan userDataExportPlan() {
        return new UserDataExportPlan(SERVICE, PATH, TABLES);
    }
}
