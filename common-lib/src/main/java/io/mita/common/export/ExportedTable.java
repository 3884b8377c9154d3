package io.mita.common.export;

import java.util.Objects;

/**
 * One kind of a user's rows in a data export: the name of its array in the document, the query that selects them
 * (parameter {@code :userId}) and a key that is unique per row of that query (an SQL expression over its columns,
 * read as text), by which {@link PersonalDataExport} pages through them.
 *
 * @param name  the array's name in the export document (by convention the table's)
 * @param query {@code SELECT ... WHERE user_id = :userId}, no ORDER BY and no LIMIT
 * @param key   an expression unique per row of the query, e.g. {@code id} or {@code run_id || ':' || position}
 */
public record ExportedTable(String name, String query, String key) {

    public ExportedTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
    }

    /** Every column of a table with a {@code user_id} column, paged by {@code key}. */
    public static ExportedTable table(String table, String key) {
        return new ExportedTable(table, "SELECT * FROM " + table + " WHERE user_id = :userId", key);
    }
}
