package io.mita.notification.feed;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class UnreadCountIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void countsOnlyTheCallersUnreadAndUndeletedNotifications() {
        UUID alice = UUID.randomUUID();
        store(alice, "NULL", "NULL");
        store(alice, "NULL", "NULL");
        store(alice, "now()", "NULL");
        store(alice, "NULL", "now()");
        store(UUID.randomUUID(), "NULL", "NULL");

        web.get()
                .uri("/api/notifications/unread-count")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2);
    }

    @Test
    void anExpiredTokenAnswers401() {
        web.get()
                .uri("/api/notifications/unread-count")
                .headers(headers -> headers.setBearerAuth(TestTokens.expired(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_UNAUTHENTICATED");
    }

    private void store(UUID user, String readAt, String deletedAt) {
        database.sql(
                        "INSERT INTO notification (id, user_id, kind, title, body, read_at, deleted_at) VALUES (:id, :user, 'INFO', 't', 'b', "
                                + readAt + ", " + deletedAt + ")")
                .bind("id", UUID.randomUUID())
                .bind("user", user)
                .then()
                .block();
    }
}
