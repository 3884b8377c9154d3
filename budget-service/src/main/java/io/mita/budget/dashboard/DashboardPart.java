package io.mita.budget.dashboard;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One part of the dashboard's single statement, implemented inside the feature that owns the tables (so its types
 * stay package-private): a scalar subquery that answers the whole part as one JSON value, and how to read it.
 *
 * <p>The subquery may use the statement's named parameters: {@code :userId}, {@code :today}, {@code :first} and
 * {@code :last} (the first and last day of today's month), {@code :transactionLimit} and {@code :goalLimit}.
 * Amounts travel as JSON strings (never as JSON numbers, which a reader could turn into doubles).
 */
public interface DashboardPart<T> {

    /** The one reader of the parts' JSON (thread-safe; the parts' values are strings, arrays and objects only). */
    JsonMapper JSON = JsonMapper.builder().build();

    /** A subquery's JSON text as a tree; an empty array when it answered SQL NULL (a list part with nothing in it). */
    static JsonNode parse(String json) {
        return json == null ? JSON.createArrayNode() : JSON.readTree(json);
    }

    /** The scalar subquery, in parentheses, answering JSON (or SQL NULL when the part has nothing). */
    String subquery();

    /** The part from the subquery's JSON text; {@code json} is null when the subquery answered SQL NULL. */
    T read(String json, DashboardDay day);
}
