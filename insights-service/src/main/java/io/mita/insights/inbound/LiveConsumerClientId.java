package io.mita.insights.inbound;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The client id prefix of this instance's live consumer of {@code mita.budget.v1}: the host name and a random part,
 * so it differs between instances (Kafka's default, {@code consumer-<group>-<n>}, is the same on every instance that
 * starts alike). The rebuild tells this instance's own members of the live consumer group from another instance's
 * by it. spring-kafka appends {@code -<n>} per consumer thread.
 */
@Component
public class LiveConsumerClientId {

    private final String prefix;

    public LiveConsumerClientId() {
        this("insights-budget-" + host() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public LiveConsumerClientId(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix the live listener's consumers take ({@code @KafkaListener(clientIdPrefix)}). */
    public String prefix() {
        return prefix;
    }

    /** Whether a member of the live group with this client id is one of this instance's live consumers. */
    public boolean isOwn(String clientId) {
        return clientId != null && (clientId.equals(prefix) || clientId.startsWith(prefix + "-"));
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException unknown) {
                host = "host";
            }
        }
        String safe = host.replaceAll("[^A-Za-z0-9.-]", "-");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }
}
