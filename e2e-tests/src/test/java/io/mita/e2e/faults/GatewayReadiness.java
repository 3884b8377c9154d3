package io.mita.e2e.faults;

import io.mita.e2e.MobileApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What a load balancer in front of the gateway knows: whether its readiness probe answered 200 at the last poll
 * (every 100 ms). A stopping gateway turns unready first and serves on for its drain, so traffic routed by this never
 * meets a closing listener.
 */
final class GatewayReadiness implements BooleanSupplier, AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicBoolean polling = new AtomicBoolean(true);
    private final Thread poller;

    GatewayReadiness() {
        poller = new Thread(this::poll, "gateway-readiness");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(MobileApp.GATEWAY + "/readyz"))
                .timeout(Duration.ofSeconds(1))
                .build();
        while (polling.get()) {
            try {
                ready.set(
                        HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                Thread.sleep(100);
            } catch (IOException e) {
                ready.set(false);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public boolean getAsBoolean() {
        return ready.get();
    }

    @Override
    public void close() {
        polling.set(false);
        poller.interrupt();
    }
}
