package io.mita.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;

/** Counts the gateway's attempts to open a connection to any downstream service. */
@TestConfiguration(proxyBeanMethods = false)
class ConnectionCounting {

    private final AtomicInteger attempts = new AtomicInteger();

    int attempts() {
        return attempts.get();
    }

    @Bean
    HttpClientCustomizer countingConnectAttempts() {
        return httpClient -> httpClient.doOnConnect(config -> attempts.incrementAndGet());
    }
}
