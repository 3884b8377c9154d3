package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The network a session shows (GET /api/auth/sessions) is the client's, through the gateway of the running stack:
 * the gateway resolves the client (here the X-Forwarded-For entry of the test's own loopback "load balancer", a
 * trusted proxy of the test stack) and writes it as the X-Forwarded-For auth-service believes from the gateway.
 */
class SessionNetworkE2E {

    private final MobileApp app = new MobileApp();

    @Test
    void eachSessionShowsTheNetworkOfTheClientThatSignedInThroughTheGateway() {
        MobileApp.Account user = app.register("network");
        String ipv4 = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        MobileApp.login(app.from(ipv4), user.email(), user.password());
        String access = app.login(user);

        List<Map<String, Object>> sessions = app.http
                .get()
                .uri("/api/auth/sessions")
                .headers(headers -> headers.setBearerAuth(access))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(sessions)
                .extracting(session -> session.get("approximateLocation"))
                .containsExactlyInAnyOrder("203.0.113.0/24", network48(app.clientIp));
    }

    /** The /48 of an address of {@link MobileApp#randomDocumentationAddress()} as auth-service writes it. */
    private static String network48(String documentationAddress) {
        String third = documentationAddress.split(":")[2];
        return third.equals("0") ? "2001:db8::/48" : "2001:db8:" + third + "::/48";
    }
}
