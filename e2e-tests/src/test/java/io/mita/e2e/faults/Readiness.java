package io.mita.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A service's readiness probe, asked directly on its own port (the gateway does not route actuator paths). */
final class Readiness {

    private static final Map<String, String> PORTS = Map.of(
            "auth-service", System.getenv().getOrDefault("AUTH_PORT", "8081"),
            "budget-service", System.getenv().getOrDefault("BUDGET_PORT", "8082"),
            "audit-service", System.getenv().getOrDefault("AUDIT_PORT", "8086"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The probe's HTTP status, or 0 when nothing answered. */
    static int of(String service) throws InterruptedException {
        String url = "http://127.0.0.1:%s/readyz".formatted(PORTS.get(service));
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private Readiness() {}
}
