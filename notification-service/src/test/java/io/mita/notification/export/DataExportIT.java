package io.mita.notification.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.ExportedDocuments;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/notifications/me/export} on PostgreSQL: a row of the caller in every table with a {@code user_id}
 * (found in the schema, so a table added later without export fails here) comes back, nobody else's; arrays of
 * text (the preference's kinds) stay arrays; 401 without a token.
 */
@MitaIntegrationTest
class DataExportIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void theCallerGetsTheirRowOfEveryTableAndNothingOfAnyoneElse() {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        seed(user);
        seed(other);
        Map<String, Long> rows = PersonalRows.perTable(database, user);
        assertThat(rows)
                .allSatisfy((table, n) -> assertThat(n).as(table + " seeded").isPositive());

        byte[] body = web.get()
                .uri("/api/notifications/me/export")
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

        ExportedDocuments.assertHoldsExactly(export, "notification", user, rows, other);
        JsonNode preference = export.get("notification_preference").get(0);
        assertThat(preference.get("email").asString()).isEqualTo(user + "@example.com");
        assertThat(preference.get("in_app_kinds").isArray()).isTrue();
    }

    @Test
    void withoutATokenTheExportIsRefused() {
        web.get().uri("/api/notifications/me/export").exchange().expectStatus().isUnauthorized();
    }

    private void seed(UUID user) {
        for (String sql : List.of(
                "INSERT INTO notification (id, user_id, kind, title, body) VALUES (gen_random_uuid(), :u, 'GOAL_COMPLETED',"
                        + " 'Goal reached', 'Holiday is complete')",
                "INSERT INTO email_delivery (id, user_id, kind, event_id, status, attempts, sent_at)"
                        + " VALUES (gen_random_uuid(), :u, 'PASSWORD_RESET', gen_random_uuid(), 'SENT', 1, now())",
                "INSERT INTO notification_preference (user_id, email, locale, time_zone, in_app_kinds, email_kinds,"
                        + " push_kinds) VALUES (:u, CAST(:u AS TEXT) || '@example.com', 'en', 'Europe/Berlin',"
                        + " ARRAY['GOAL_COMPLETED'], ARRAY[]::TEXT[], ARRAY[]::TEXT[])",
                "INSERT INTO mail_queue (id, event_id, user_id, kind, locale, title, body, status, next_attempt_at)"
                        + " VALUES (gen_random_uuid(), gen_random_uuid(), :u, 'GOAL_COMPLETED', 'en', 'Goal reached',"
                        + " 'Holiday is complete', 'SKIPPED', now())",
                "INSERT INTO habit_completion (habit_id, user_id, day) VALUES (gen_random_uuid(), :u, CURRENT_DATE)",
                "INSERT INTO device_token (user_id, token, platform) VALUES (:u, 'phone-' || CAST(:u AS TEXT), 'IOS')")) {
            database.sql(sql).bind("u", user).then().block(WAIT);
        }
    }
}
