package io.mita.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Device tokens per user through the API; push itself is off by default (no sender, nothing sent). */
@MitaIntegrationTest
class DevicesIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    PushDelivery push;

    @Test
    void aUserRegistersAndRemovesDevicesAndCannotRemoveAnotherUsers() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        register(alice, "alice-phone", "ANDROID").expectStatus().isNoContent();
        register(alice, "alice-phone", "IOS").expectStatus().isNoContent();
        register(bob, "bob-phone", "WEB").expectStatus().isNoContent();

        assertThat(tokens(alice)).containsExactly("alice-phone");
        remove(alice, "bob-phone").expectStatus().isNoContent();
        assertThat(tokens(bob)).containsExactly("bob-phone");
        remove(alice, "alice-phone").expectStatus().isNoContent();
        assertThat(tokens(alice)).isEmpty();
    }

    @Test
    void aDeviceNeedsATokenAndAKnownPlatform() {
        UUID user = UUID.randomUUID();
        register(user, "", "ANDROID")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
        register(user, "t", "PAGER").expectStatus().isBadRequest();
        web.post()
                .uri("/api/notifications/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "t", "platform", "WEB"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void pushIsOffByDefault() {
        assertThat(push.enabled()).isFalse();
    }

    private WebTestClient.ResponseSpec register(UUID user, String token, String platform) {
        return web.post()
                .uri("/api/notifications/devices")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "platform", platform))
                .exchange();
    }

    private WebTestClient.ResponseSpec remove(UUID user, String token) {
        return web.method(HttpMethod.DELETE)
                .uri("/api/notifications/devices")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token))
                .exchange();
    }

    private List<String> tokens(UUID user) {
        return database.sql("SELECT token FROM device_token WHERE user_id = :u")
                .bind("u", user)
                .map(row -> row.get("token", String.class))
                .all()
                .collectList()
                .block();
    }
}
