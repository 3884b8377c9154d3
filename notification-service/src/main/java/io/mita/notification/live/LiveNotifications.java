package io.mita.notification.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The stream clients connected to this instance, by user, each with its own bounded buffer. {@link #dispatch}
 * hands a new notification to every client of its user; a client whose buffer is full (it does not read) gets
 * an error instead and its stream ends, without slowing the dispatch to anyone else.
 * Metrics: {@code mita.notification.sse.connections} (gauge), {@code mita.notification.sse.dropped}.
 */
@Component
class LiveNotifications {

    private final ConcurrentHashMap<UUID, Set<Client>> clients = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter dropped;

    LiveNotifications(MeterRegistry registry) {
        Gauge.builder("mita.notification.sse.connections", connections, AtomicInteger::get)
                .description("SSE clients connected to this instance")
                .register(registry);
        this.dropped = Counter.builder("mita.notification.sse.dropped")
                .description("SSE clients dropped because they did not read")
                .register(registry);
    }

    /** A new client of {@code userId}; its flux ends with {@link SlowClientException} when it falls behind. */
    Client connect(UUID userId, int bufferSize) {
        Client client = new Client(userId, bufferSize);
        clients.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(client);
        connections.incrementAndGet();
        return client;
    }

    /** Called from one thread (the PostgreSQL listener), so each client's sink sees one emitter at a time. */
    void dispatch(LiveNotification notification) {
        Set<Client> mine = clients.get(notification.userId());
        if (mine == null) {
            return;
        }
        for (Client client : mine) {
            Sinks.EmitResult result = client.sink.tryEmitNext(notification);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                dropped.increment();
                // an error on the merged one-shot sink reaches the subscriber at once, without demand, and
                // ends the stream (the buffered notifications are dropped with it)
                client.kill.tryEmitError(new SlowClientException(client.bufferSize));
                disconnect(client);
            }
        }
    }

    int connections() {
        return connections.get();
    }

    /** Whether a client of this user is connected here. */
    boolean connected(UUID userId) {
        return clients.containsKey(userId);
    }

    private void disconnect(Client client) {
        if (client.connected.compareAndSet(true, false)) {
            connections.decrementAndGet();
            clients.computeIfPresent(client.userId, (id, set) -> {
                set.remove(client);
                return set.isEmpty() ? null : set;
            });
        }
    }

    final class Client implements AutoCloseable {

        private final UUID userId;
        private final int bufferSize;
        private final Sinks.Many<LiveNotification> sink;
        private final Sinks.One<LiveNotification> kill = Sinks.one();
        private final java.util.concurrent.atomic.AtomicBoolean connected =
                new java.util.concurrent.atomic.AtomicBoolean(true);

        private Client(UUID userId, int bufferSize) {
            this.userId = userId;
            this.bufferSize = bufferSize;
            this.sink = Sinks.many()
                    .unicast()
                    .onBackpressureBuffer(
                            Queues.<LiveNotification>get(bufferSize).get());
        }

        /** The client's notifications; ends with {@link SlowClientException} when it fell behind. */
        Flux<LiveNotification> notifications() {
            return Flux.merge(1, sink.asFlux(), kill.asMono());
        }

        @Override
        public void close() {
            disconnect(this);
        }
    }
}
