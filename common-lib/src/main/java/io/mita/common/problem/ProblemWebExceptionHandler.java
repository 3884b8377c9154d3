package io.mita.common.problem;

import io.mita.common.logging.LogContext;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one global handler: every failure of a request, from a controller, a filter or the framework,
 * ends here and leaves as problem+json. Ordered before Boot's default error handler.
 */
public class ProblemWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private final ProblemMapper mapper;
    private final ProblemResponseWriter writer;

    public ProblemWebExceptionHandler(ProblemMapper mapper, ProblemResponseWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return Mono.deferContextual(context -> {
            Problem problem = mapper.toProblem(failure);
            String errorId = Problem.newErrorId();
            // the ids reach the log line without automatic context propagation (every process runs "limited")
            LogContext.run(context, () -> mapper.log(problem, failure, errorId));
            return writer.write(exchange, problem, errorId);
        });
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
