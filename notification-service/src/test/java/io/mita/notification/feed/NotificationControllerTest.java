package io.mita.notification.feed;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The feed endpoint's answers with an in-memory count: the caller's own count, problem+json refusals. */
@MitaWebFluxTest(NotificationController.class)
@Import(NotificationControllerTest.InMemoryFeed.class)
class NotificationControllerTest {

    static final UUID ALICE = UUID.randomUUID();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryFeed {

        @Bean
        UnreadNotifications unreadNotifications() {
            Map<UUID, Long> unread = Map.of(ALICE, 2L);
            return userId -> Mono.just(unread.getOrDefault(userId, 0L));
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void answersTheCallersOwnUnreadCount() {
        unreadCount(TestTokens.forUser(ALICE))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2);
        unreadCount(TestTokens.forUser(UUID.randomUUID()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(0);
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        expectProblem(web.get().uri("/api/notifications/unread-count").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    @Test
    void anExpiredTokenIs401() {
        expectProblem(unreadCount(TestTokens.expired(ALICE)), 401, "AUTH_UNAUTHENTICATED");
    }

    @Test
    void anotherMethodIs405() {
        expectProblem(
                web.post()
                        .uri("/api/notifications/unread-count")
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(ALICE)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchange(),
                405,
                "METHOD_NOT_ALLOWED");
    }

    private WebTestClient.ResponseSpec unreadCount(String token) {
        return web.get()
                .uri("/api/notifications/unread-count")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }
}
