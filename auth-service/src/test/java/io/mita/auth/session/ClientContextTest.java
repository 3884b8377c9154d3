package io.mita.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Device names, client networks and which forwarded address is believed. */
class ClientContextTest {

    private final ClientContextResolver resolver =
            new ClientContextResolver(new SessionProperties(null, null, List.of("127.0.0.1/32", "10.0.0.0/8")));

    @Test
    void theDeviceNameIsTheAppsHeaderElseASummaryOfTheUserAgent() {
        assertThat(DeviceNames.of("Ann's phone", "whatever")).isEqualTo("Ann's phone");
        assertThat(DeviceNames.of(null, "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"))
                .isEqualTo("Firefox on Android");
        assertThat(DeviceNames.of(
                        " ",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                                + " Version/17.1 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari on iPhone");
        assertThat(DeviceNames.of(null, "MITA/2.3 okhttp/4.12")).isEqualTo("MITA/2.3");
        assertThat(DeviceNames.of(null, null)).isEqualTo(DeviceNames.UNKNOWN);
        assertThat(DeviceNames.of("x".repeat(300) + "\u0007", null)).hasSize(DeviceNames.MAX_LENGTH);
        assertThat(DeviceNames.of("bell\u0007name", null)).isEqualTo("bellname");
    }

    @Test
    void theLocationIsTheNetworkNeverTheAddress() {
        assertThat(ClientNetworks.mask("198.51.100.23")).isEqualTo("198.51.100.0/24");
        assertThat(ClientNetworks.mask("2001:db8:1234:5678::9")).isEqualTo("2001:db8:1234::/48");
        assertThat(ClientNetworks.mask("[2001:db8:abcd:1::1]")).isEqualTo("2001:db8:abcd::/48");
        assertThat(ClientNetworks.mask("not-an-address.example")).isNull();
        assertThat(ClientNetworks.mask("999.1.1.1")).isNull();
        assertThat(ClientNetworks.mask(null)).isNull();
    }

    @Test
    void forwardedForIsReadFromTheRightOnlyBehindTrustedProxies() throws Exception {
        InetAddress gateway = InetAddress.getByName("127.0.0.1");
        InetAddress stranger = InetAddress.getByName("203.0.113.5");

        assertThat(resolver.clientAddress(gateway, List.of("192.0.2.66", "198.51.100.23"))
                        .getHostAddress())
                .as("the entry the trusted proxy appended, not the client's own left-most one")
                .isEqualTo("198.51.100.23");
        assertThat(resolver.clientAddress(gateway, List.of("198.51.100.23", "10.1.2.3"))
                        .getHostAddress())
                .as("further trusted proxies are skipped")
                .isEqualTo("198.51.100.23");
        assertThat(resolver.clientAddress(stranger, List.of("198.51.100.23")).getHostAddress())
                .as("an untrusted peer is the client whatever it forwards")
                .isEqualTo("203.0.113.5");
        assertThat(resolver.clientAddress(gateway, List.of("garbage"))).isNull();
    }

    @Test
    void aRequestsContextCarriesTheDeviceAndTheMaskedNetwork() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
                .remoteAddress(new java.net.InetSocketAddress("127.0.0.1", 50_000))
                .header("X-Forwarded-For", "198.51.100.23")
                .header("X-Device-Name", "Ann's phone")
                .build();

        assertThat(resolver.resolve(request)).isEqualTo(new ClientContext("Ann's phone", "198.51.100.0/24"));
    }
}
