package io.mita.insights.insight;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class InsightListIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void aUserSeesOnlyTheirOwnInsightsOfTheRequestedMonth() {
        UUID alice = UUID.randomUUID();
        store(alice, "2026-10", "Groceries up 20 %");
        store(alice, "2026-11", "Dining out on track");
        store(UUID.randomUUID(), "2026-11", "someone else's");

        web.get()
                .uri("/api/insights?month=2026-11")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-11")
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].text")
                .isEqualTo("Dining out on track")
                .jsonPath("$.items[0].evidence.category")
                .isEqualTo("dining");
    }

    @Test
    void aMalformedMonthAnswers400WithItsCode() {
        web.get()
                .uri("/api/insights?month=2026-13")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INSIGHTS_INVALID_MONTH");
    }

    private void store(UUID user, String month, String text) {
        database.sql("""
                        INSERT INTO insight (id, user_id, month, kind, severity, text, evidence)
                        VALUES (:id, :user, :month, 'MONTH_OVER_MONTH', 'LOW', :text, '{"category":"dining"}'::jsonb)""")
                .bind("id", UUID.randomUUID())
                .bind("user", user)
                .bind("month", month)
                .bind("text", text)
                .then()
                .block();
    }
}
