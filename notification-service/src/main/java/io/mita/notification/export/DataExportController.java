package io.mita.notification.export;

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
 * {@code GET /api/notifications/me/export}: everything notification-service holds about the caller (GDPR Art. 15 and 20), one JSON document with
 * one array per table that the erasure of the account deletes (docs/auth.md, "Data export"), streamed page by page
 * (common-lib's {@link PersonalDataExport}). auth-service calls it with a short-lived token of the user to build
 * the archive of {@code POST /api/auth/me/export}; the user may call it too.
 */
@RestController
class DataExportController {

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

    private final PersonalDataExport export;

    DataExportController(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Flux<DataBuffer> export(CurrentUser user) {
        return export.export(SERVICE, user.userId(), TABLES);
    }
}
