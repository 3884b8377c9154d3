package io.mita.common.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The R2DBC driver's event loops. The defaults live in {@code mita-data-service-defaults.yml} (loops of its own, as
 * many as the process's Reactor Netty loops), not here.
 *
 * @param own   whether the driver runs on loops of its own ({@code mita-r2dbc-epoll-N}); false leaves it on Reactor
 *              Netty's shared {@code TcpResources} ({@code reactor-tcp-epoll-N}), as before issue 14's change
 * @param count how many loops of its own; unset: as many as Reactor Netty's ({@code MITA_IO_WORKERS}, else the
 *              processors, at least 2)
 */
@ConfigurationProperties("mita.database.event-loops")
public record DatabaseEventLoopsProperties(boolean own, Integer count) {}
