package io.mita.gateway.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressResolverTest {

    private static ClientAddressResolver trusting(String... cidrs) {
        return new ClientAddressResolver(new ClientAddressProperties(List.of(cidrs)));
    }

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get("/api/budget/dashboard").remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return request.build();
    }

    @Test
    void takesThePeerAndIgnoresXForwardedForWhenNoProxyIsTrusted() {
        assertThat(trusting().resolve(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void ignoresXForwardedForFromAPeerThatIsNotTrusted() {
        assertThat(trusting("10.0.0.0/8").resolve(from("203.0.113.9", "198.51.100.1")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheRightMostUntrustedEntryBehindTrustedProxiesNeverTheLeftMostTheClientWrote() {
        ClientAddressResolver resolver = trusting("10.0.0.0/8");

        assertThat(resolver.resolve(from("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.1.2.3")))
                .isEqualTo("198.51.100.7");
        assertThat(resolver.resolve(from("10.0.0.5", "1.2.3.4", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void takesTheLeftMostEntryWhenEveryHopIsATrustedProxy() {
        assertThat(trusting("10.0.0.0/8").resolve(from("10.0.0.5", "10.9.9.9, 10.1.1.1")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void stopsAtTheLastTrustedHopWhenAnEntryIsNotAnAddress() {
        ClientAddressResolver resolver = trusting("10.0.0.0/8");

        assertThat(resolver.resolve(from("10.0.0.5", "198.51.100.7, unknown, 10.1.1.1")))
                .isEqualTo("10.1.1.1");
        assertThat(resolver.resolve(from("10.0.0.5", "evil.example"))).isEqualTo("10.0.0.5");
        assertThat(resolver.resolve(from("10.0.0.5", "999.1.1.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void takesThePeerWhenATrustedProxySentNoXForwardedFor() {
        assertThat(trusting("127.0.0.1/32").resolve(from("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void readsAddressesWithPortsAndIpv6() {
        ClientAddressResolver resolver = trusting("10.0.0.0/8", "fd00::/8");

        assertThat(resolver.resolve(from("10.0.0.5", "198.51.100.7:4711"))).isEqualTo("198.51.100.7");
        assertThat(resolver.resolve(from("10.0.0.5", "[2001:db8::7]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolver.resolve(from("fd00::1", "2001:db8::9"))).isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    @Test
    void matchesCidrBlocksBitByBit() {
        IpRange range = IpRange.parse("192.168.4.0/22");

        assertThat(range.contains(IpAddresses.parse("192.168.7.255").orElseThrow()))
                .isTrue();
        assertThat(range.contains(IpAddresses.parse("192.168.8.0").orElseThrow()))
                .isFalse();
        assertThat(range.contains(IpAddresses.parse("2001:db8::1").orElseThrow()))
                .isFalse();
        assertThat(IpRange.parse("203.0.113.9")
                        .contains(IpAddresses.parse("203.0.113.9").orElseThrow()))
                .isTrue();
    }

    @Test
    void refusesAMalformedTrustedProxyAtStartup() {
        assertThatThrownBy(() -> trusting("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverResolvesAHostName() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("cafe")).isEmpty();
    }

    @Test
    void hashesAnonymousClientsToSixteenHexDigits() {
        assertThat(Clients.anonymousKey("203.0.113.9"))
                .matches("anonymous:[0-9a-f]{16}")
                .isEqualTo(Clients.anonymousKey("203.0.113.9"))
                .isNotEqualTo(Clients.anonymousKey("203.0.113.10"));
    }
}
