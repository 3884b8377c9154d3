package io.mita.common.config;

import io.netty.channel.EventLoopGroup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.tcp.TcpResources;

/**
 * A process of its own for {@link ReactorNettyEventLoopsIT} (Reactor Netty reads its loop count once per JVM): starts a
 * Netty WebFlux server on a free port the way every service does, then prints how many event loops the server's loop
 * resources and {@code TcpResources} hold ({@code TcpResources}: what r2dbc-postgresql runs on unless given loops of its
 * own, as with {@code MITA_DB_OWN_EVENT_LOOPS=false}; its own group takes the same count: {@code DatabaseEventLoopsIT}).
 */
public final class EventLoopProbe {

    static final String REPORT = "event-loops";

    private EventLoopProbe() {}

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn")
                .run(args)) {
            EventLoopGroup server = context.getBean(ReactorResourceFactory.class)
                    .getLoopResources()
                    .onServer(true);
            EventLoopGroup tcp = TcpResources.get().onClient(true);
            System.out.println(REPORT + " server=" + count(server) + " tcp=" + count(tcp));
        }
        System.exit(0);
    }

    private static int count(EventLoopGroup group) {
        int loops = 0;
        for (var ignored : group) {
            loops++;
        }
        return loops;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class
    })
    static class Server {}
}
