package io.mita.common.config;

import java.util.Optional;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;
import reactor.netty.ReactorNetty;

/**
 * Sizes Reactor Netty's event loops to the available processors (at least {@value #LEAST}) instead of its own
 * default of max(processors, 4), which on a 2-core host runs twice as many loops as cores for the HTTP server and
 * client ({@code HttpResources}) and again for the R2DBC PostgreSQL driver (its own group of the same count,
 * {@code io.mita.common.persistence.DatabaseEventLoops}, or {@code TcpResources} when that is switched off). Reactor
 * Netty reads {@value ReactorNetty#IO_WORKER_COUNT} once, when {@code LoopResources} is first initialised, so the count is
 * set as that system property while the environment is prepared, before any bean (and so any loop) exists.
 *
 * <p>The operator decides first: {@code -Dreactor.netty.ioWorkerCount} (e.g. in {@code JDK_JAVA_OPTIONS}) is left
 * as it is, then {@value #MITA_IO_WORKERS} gives the count; only without either do the processors decide
 * (docs/decisions.md, "Event loops follow the cores").
 */
public class ReactorNettyEventLoops implements EnvironmentPostProcessor, Ordered {

    static final String MITA_IO_WORKERS = "MITA_IO_WORKERS";

    /** One loop blocked by mistake still leaves one for every connection not pinned to it. */
    static final int LEAST = 2;

    private final Log log;

    public ReactorNettyEventLoops(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(ReactorNettyEventLoops.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        count(
                        System.getProperty(ReactorNetty.IO_WORKER_COUNT),
                        environment,
                        Runtime.getRuntime().availableProcessors())
                .ifPresent(count -> {
                    System.setProperty(ReactorNetty.IO_WORKER_COUNT, Integer.toString(count));
                    log.debug("Reactor Netty event loops: " + count);
                });
    }

    /**
     * The count to set, or empty when the operator's system property already decides.
     *
     * @throws IllegalStateException when {@value #MITA_IO_WORKERS} is not a positive whole number
     */
    static Optional<Integer> count(String operatorProperty, PropertyResolver environment, int processors) {
        if (operatorProperty != null) {
            return Optional.empty();
        }
        String configured = environment.getProperty(MITA_IO_WORKERS);
        if (configured == null || configured.isBlank()) {
            return Optional.of(Math.max(processors, LEAST));
        }
        return Optional.of(positive(configured.trim()));
    }

    private static int positive(String configured) {
        try {
            int count = Integer.parseInt(configured);
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalStateException(
                MITA_IO_WORKERS + " must be a positive whole number of event loops, was '" + configured + "'");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
