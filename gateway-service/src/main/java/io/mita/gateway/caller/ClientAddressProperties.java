package io.mita.gateway.caller;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies CIDR blocks of the proxies in front of the gateway (load balancer, ingress).
 *                       Empty by default: the TCP peer is the client and {@code X-Forwarded-For} is ignored.
 */
@ConfigurationProperties("mita.gateway")
public record ClientAddressProperties(List<String> trustedProxies) {

    public ClientAddressProperties {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream().filter(entry -> !entry.isBlank()).toList();
    }
}
