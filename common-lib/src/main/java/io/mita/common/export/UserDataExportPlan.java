package io.mita.common.export;

import java.util.List;
import java.util.Objects;

/**
 * What one service exports about a user (GDPR Art. 15 and 20): declare it as a bean and common-lib serves
 * {@code GET path} to the signed-in caller ({@link MitaExportAutoConfiguration}), one JSON document written by
 * {@link PersonalDataExport}. The mirror image of erasure's {@code UserDataErasurePlan}: the tables the erasure
 * deletes, read instead.
 *
 * @param service the document's {@code service} member (auth-service names each service's part of the archive by it)
 * @param path    the endpoint, {@code /api/<service>/me/export} by convention (docs/auth.md, "Data export")
 * @param tables  one array each, in this order
 */
public record UserDataExportPlan(String service, String path, List<ExportedTable> tables) {

    public UserDataExportPlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/api/") || !path.endsWith("/me/export")) {
            throw new IllegalArgumentException("an export is served at /api/<service>/me/export, not " + path);
        }
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("an export plan exports something");
        }
    }
}
