package io.mita.e2e.faults;

import io.mita.e2e.MobileApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many keyed POSTs the gateway has sent a second time because their connection to a service failed before any
 * answer ({@code mita_gateway_keyed_retries_total}, every route and cause), read from its management port: the
 * retries that the app never sees, so a scenario can report them.
 */
final class KeyedRetries {

    private static final String COUNTER = "mita_gateway_keyed_retries_total";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The gateway's count so far (0 before its first retry), or -1 when its metrics could not be read. */
    static long sofar() throws InterruptedException {
        try {
            String exposition = HTTP.send(
                            HttpRequest.newBuilder(URI.create(MobileApp.GATEWAY_MANAGEMENT + "/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return exposition
                    .lines()
                    .filter(line -> line.startsWith(COUNTER + "{") || line.startsWith(COUNTER + " "))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private KeyedRetries() {}
}
