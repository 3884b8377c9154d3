package io.mita.gateway.headers;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pagePaths path patterns of the web pages served through the gateway (the compliance console): they get
 *                  {@link SecurityHeadersWebFilter#PAGE_POLICY} instead of the API's {@code default-src 'none'}
 */
@ConfigurationProperties("mita.gateway.security-headers")
record SecurityHeadersProperties(List<String> pagePaths) {

    SecurityHeadersProperties {
        pagePaths = pagePaths == null ? List.of() : List.copyOf(pagePaths);
    }
}
