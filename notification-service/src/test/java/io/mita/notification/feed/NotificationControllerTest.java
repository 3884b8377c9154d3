package io.mita.notification.feed;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The feed endpoints' answers over an in-memory feed: the caller's own notifications only, problem+json refusals. */
@MitaWebFluxTest(NotificationController.class)
@Import(NotificationControllerTest.InMemoryFeed.class)
class NotificationControllerTest {

    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryFeed {

        @Bean
        UnreadNotifications unreadNotifications() {
            Map<UUID, Long> unread = Map.of(ALICE, 2L);
            return userId -> Mono.just(unread.getOrDefault(userId, 0L));
        }

        @Bean
        InMemoryNotifications notifications() {
            return new InMemoryNotifications();
        }
    }

    @Autowired
    InMemoryNotifications feed;

    @BeforeEach
    void fiveNotificationsOfAliceAndOneOfBob() {
        feed.clear();
        for (int i = 1; i <= 5; i++) {
            feed.add(ALICE, i, i % 2 == 0);
        }
        feed.add(BOB, 6, false);
    }

    @Test
    void pagesThroughTheCallersNotificationsNewestFirstWithACursor() {
        var first = list(ALICE, "?limit=2")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].seq")
                .isEqualTo(5)
                .jsonPath("$.items[1].seq")
                .isEqualTo(4)
                .jsonPath("$.items[1].read")
                .isEqualTo(true)
                .returnResult();
        String cursor = com.jayway.jsonpath.JsonPath.read(
                new String(first.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8), "$.nextCursor");

        list(ALICE, "?limit=2&cursor=" + cursor)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].seq")
                .isEqualTo(3)
                .jsonPath("$.items[1].seq")
                .isEqualTo(2)
                .jsonPath("$.nextCursor")
                .isNotEmpty();
    }

    @Test
    void theLastPageHasNoCursorAndUnreadOnlyLeavesReadOnesOut() {
        list(ALICE, "?unreadOnly=true")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(3)
                .jsonPath("$.items[*].read")
                .value(reads -> org.assertj.core.api.Assertions.assertThat((java.util.List<Object>) reads)
                        .containsOnly(false))
                .jsonPath("$.nextCursor")
                .doesNotExist();
    }

    @Test
    void aCursorThisServiceDidNotWriteIs400() {
        expectProblem(list(ALICE, "?cursor=bm90LW91cnM"), 400, "NOTIFICATION_INVALID_CURSOR");
        expectProblem(list(ALICE, "?cursor=%21%21"), 400, "NOTIFICATION_INVALID_CURSOR");
    }

    @Test
    void aLimitOutsideOneToAHundredIs400() {
        expectProblem(list(ALICE, "?limit=0"), 400, "VALIDATION_FAILED");
        expectProblem(list(ALICE, "?limit=101"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theOwnerGetsMarksReadAndDeletesANotification() {
        UUID id = feed.idOf(ALICE, 1);
        web.get()
                .uri("/api/notifications/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id.toString())
                .jsonPath("$.read")
                .isEqualTo(false);
        web.post()
                .uri("/api/notifications/" + id + "/read")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange()
                .expectStatus()
                .isNoContent();
        web.get()
                .uri("/api/notifications/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange()
                .expectBody()
                .jsonPath("$.read")
                .isEqualTo(true);
        web.delete()
                .uri("/api/notifications/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange()
                .expectStatus()
                .isNoContent();
        expectProblem(
                web.get()
                        .uri("/api/notifications/" + id)
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                        .exchange(),
                404,
                "NOTIFICATION_NOT_FOUND");
    }

    @Test
    void anotherUsersNotificationIs404ForEveryOperation() {
        UUID bobs = feed.idOf(BOB, 6);
        String token = TestTokens.forUser(ALICE);
        expectProblem(
                web.get()
                        .uri("/api/notifications/" + bobs)
                        .headers(h -> h.setBearerAuth(token))
                        .exchange(),
                404,
                "NOTIFICATION_NOT_FOUND");
        expectProblem(
                web.post()
                        .uri("/api/notifications/" + bobs + "/read")
                        .headers(h -> h.setBearerAuth(token))
                        .exchange(),
                404,
                "NOTIFICATION_NOT_FOUND");
        expectProblem(
                web.delete()
                        .uri("/api/notifications/" + bobs)
                        .headers(h -> h.setBearerAuth(token))
                        .exchange(),
                404,
                "NOTIFICATION_NOT_FOUND");
        org.assertj.core.api.Assertions.assertThat(feed.isRead(BOB, 6)).isFalse();
    }

    @Test
    void readAllMarksOnlyTheCallersUnreadNotifications() {
        web.post()
                .uri("/api/notifications/read-all")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.marked")
                .isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(feed.isRead(BOB, 6)).isFalse();
    }

    @Test
    void anIdThatIsNoUuidIs400() {
        web.get()
                .uri("/api/notifications/not-a-uuid")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private WebTestClient.ResponseSpec list(UUID user, String query) {
        return web.get()
                .uri("/api/notifications" + query)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
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
