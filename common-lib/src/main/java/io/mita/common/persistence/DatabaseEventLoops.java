package io.mita.common.persistence;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The R2DBC PostgreSQL driver's own event loops ({@value #PREFIX}-epoll-N with native epoll, -nio-N without), so that
 * its connections do not share Reactor Netty's {@code TcpResources} and spread over every loop of the group.
 *
 * <p>Two things keep the spread even. The group is not colocated: a connection opened from one of its own threads
 * (the pool replacing a connection inside another's completion) still goes to the next loop in turn, not to the
 * asking thread's (r2dbc-pool #190). And the channel of each connection is made without asking the group which
 * transport it runs: Reactor Netty's {@code LoopResources.onChannel} does that per connection through Netty 4.2's
 * {@code IoEventLoopGroup.isCompatible}, which calls {@code next()} and so advances the round robin a second time per
 * connection: with an even number of loops every connection landed on every other loop, with two all on one
 * (netty #17544, merged upstream; Netty 4.2.18 of this build still does it). Here the channel class is asked for once
 * per channel type (the driver only ever passes this group) and then instantiated directly (docs/decisions.md, "The
 * database driver's own event loops").
 */
final class DatabaseEventLoops implements LoopResources, AutoCloseable {

    static final String PREFIX = "mita-r2dbc";

    /** Tasks still queued when the pool has closed its connections: their Terminate messages. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(200);

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final LoopResources loops;
    private final Map<Class<?>, Supplier<? extends Channel>> channels = new ConcurrentHashMap<>();

    DatabaseEventLoops(int count) {
        this.loops = LoopResources.create(PREFIX, LoopResources.DEFAULT_IO_SELECT_COUNT, count, true, false);
    }

    @Override
    public EventLoopGroup onServer(boolean useNative) {
        return loops.onServer(useNative);
    }

    @Override
    public EventLoopGroup onClient(boolean useNative) {
        return loops.onClient(useNative);
    }

    @Override
    public EventLoopGroup onServerSelect(boolean useNative) {
        return loops.onServerSelect(useNative);
    }

    @Override
    public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup group) {
        return channelType.cast(channels.computeIfAbsent(channelType, type -> constructor(channelType, group))
                .get());
    }

    private <C extends Channel> Supplier<? extends Channel> constructor(Class<C> channelType, EventLoopGroup group) {
        Class<? extends C> channelClass = loops.onChannelClass(channelType, group);
        Constructor<? extends C> constructor;
        try {
            constructor = channelClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(channelClass.getName() + " has no constructor without arguments", e);
        }
        return () -> {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create a " + channelClass.getName(), e);
            }
        };
    }

    @Override
    public <C extends Channel> Class<? extends C> onChannelClass(Class<C> channelType, EventLoopGroup group) {
        return loops.onChannelClass(channelType, group);
    }

    @Override
    public boolean daemon() {
        return loops.daemon();
    }

    @Override
    public boolean isDisposed() {
        return loops.isDisposed();
    }

    @Override
    public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
        return loops.disposeLater(quietPeriod, timeout);
    }

    @Override
    public Mono<Void> disposeLater() {
        return disposeLater(QUIET_PERIOD, SHUTDOWN_TIMEOUT);
    }

    /** Stops the loops and waits for their threads to end (the pool, which depends on them, is closed first). */
    @Override
    public void close() {
        disposeLater().block(SHUTDOWN_TIMEOUT.plusSeconds(5));
    }
}
