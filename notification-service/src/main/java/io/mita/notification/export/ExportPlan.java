package io.mita.notification.export;

import io.mita.common.export.ExportedTable;
import io.mita.common.export.UserDataExportPlan;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /api/notifications/me/export} (served by common-lib from this plan): everything notification-service holds about the caller (GDPR Art. 15 and 20), one JSON document with
 * one array per table that the erasure of the account deletes (docs/auth.md, "Data export"), streamed page by page
 * (common-lib's {@code PersonalDataExport}). auth-service calls it with a short-lived token of the user to build
 * the archive of {@code POST /api/auth/me/export}; the user may call it too.
 */
@Configuration(proxyBeanMethods = false)
class ExportPlan {

    static final String PATH = "/api/notifications/me/export";
    static final String SERVICE = "notification";

    /** The tables the erasure deletes, read instead; each with a key unique per row for paging. */
    static final List<ExportedTable> TABLES = List.of(
            ExportedTable.table("notification", "id"),
            ExportedTable.table("notification_preference", "user_id"),
            ExportedTable.table("mail_queue", "id"),
            ExportedTable.table("habit_completion", "concat_ws(':', habit_id, day)"),
            ExportedTable.table("device_token", "token"),
            ExportedTable.table("email_delivery", "id"));

    @Bean
    UserDataExportPlan userDataExportPlan() {
        return new UserDataExportPlan(SERVICE, PATH, TABLES);
    }
}
