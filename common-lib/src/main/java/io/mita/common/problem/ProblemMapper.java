package io.mita.common.problem;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;

/** Turns any failure into the one {@link Problem} it answers with. Unknown failures become 500 and are logged. */
public class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    public Problem toProblem(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return new Problem(
                    problem.status(),
                    problem.code(),
                    problem.title(),
                    problem.detail(),
                    List.of(),
                    problem.extensions());
        }
        if (failure instanceof WebExchangeBindException binding) {
            return validation(binding.getFieldErrors().stream()
                    .sorted(Comparator.comparing(FieldError::getField))
                    .map(error -> new Problem.FieldError(error.getField(), error.getDefaultMessage()))
                    .toList());
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            return validation(validation.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new Problem.FieldError(
                                    result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                    .toList());
        }
        if (failure instanceof AuthenticationException) {
            return Problems.unauthenticated();
        }
        if (failure instanceof AccessDeniedException) {
            return Problems.forbidden();
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return Problem.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "Unsupported media type",
                    "This endpoint does not accept the request's Content-Type.");
        }
        if (failure instanceof PayloadTooLargeException || hasStatus(failure, HttpStatus.PAYLOAD_TOO_LARGE)) {
            return Problems.payloadTooLarge();
        }
        if (failure instanceof MethodNotAllowedException) {
            return Problem.of(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "METHOD_NOT_ALLOWED",
                    "Method not allowed",
                    "This resource does not support the request's method.");
        }
        if (failure instanceof NotAcceptableStatusException) {
            return Problem.of(
                    HttpStatus.NOT_ACCEPTABLE,
                    "NOT_ACCEPTABLE",
                    "Not acceptable",
                    "This resource cannot answer in the requested media type.");
        }
        if (failure instanceof ServerWebInputException input) {
            return malformed(input);
        }
        if (failure instanceof DecodingException) {
            return malformedBody();
        }
        if (failure instanceof OptimisticLockingFailureException) {
            return Problem.of(
                    HttpStatus.CONFLICT,
                    "CONFLICT",
                    "Conflict",
                    "The resource was changed by another request; read it again and retry.");
        }
        if (failure instanceof DataIntegrityViolationException) {
            return Problem.of(
                    HttpStatus.CONFLICT,
                    "CONFLICT",
                    "Conflict",
                    "The request conflicts with the current state of the resource.");
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status.getStatusCode());
        }
        ProblemException wrapped = wrappedProblem(failure);
        if (wrapped != null) {
            return toProblem(wrapped);
        }
        if (databaseUnreachable(failure)) {
            return Problems.databaseUnavailable();
        }
        return Problems.internalError();
    }

    /** A domain problem a library wrapped on its way up (e.g. the JWT decoder around a key source's failure). */
    private static ProblemException wrappedProblem(Throwable failure) {
        for (Throwable cause = failure.getCause();
                cause != null;
                cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    /**
     * Whether the failure (or a cause) says the database could not be reached — as opposed to a statement the
     * server refused: a refused or dropped connection, an exhausted pool, or a server error of the classes
     * "connection exception" (08), "insufficient resources" (53) or "operator intervention" (57P, a server
     * shutting down). A server error of any other class (a trigger's RAISE, a constraint) is not: R2DBC and Spring
     * wrap some of those in the same resource-failure types, so the SQLSTATE decides when there is one.
     */
    static boolean databaseUnreachable(Throwable failure) {
        boolean resourceFailure = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc
                    && r2dbc.getSqlState() != null
                    && !r2dbc.getSqlState().isBlank()) {
                String state = r2dbc.getSqlState();
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
            }
            if (cause instanceof ConnectException
                    || cause instanceof PoolAcquireTimeoutException
                    || cause instanceof PoolAcquirePendingLimitException) {
                return true;
            }
            resourceFailure |= cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException;
        }
        return resourceFailure;
    }

    private static boolean hasStatus(Throwable failure, HttpStatus status) {
        return failure instanceof ResponseStatusException response
                && response.getStatusCode().value() == status.value();
    }

    private static Problem validation(List<Problem.FieldError> errors) {
        return Problem.of(
                        HttpStatus.BAD_REQUEST,
                        "VALIDATION_FAILED",
                        "Validation failed",
                        "One or more fields are invalid.")
                .withErrors(errors);
    }

    private static Problem malformed(ServerWebInputException input) {
        Throwable cause = input.getCause();
        if (cause instanceof DecodingException || input.getMethodParameter() == null) {
            return malformedBody();
        }
        String parameter = input.getMethodParameter().getParameterName();
        return Problem.of(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "Malformed request",
                "The value of '" + parameter + "' is missing or has the wrong format.");
    }

    private static Problem malformedBody() {
        return Problem.of(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "Malformed request",
                "The request body is missing or is not valid JSON of the expected shape.");
    }

    private static Problem fromStatus(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> Problems.notFound();
            case UNAUTHORIZED -> Problems.unauthenticated();
            case FORBIDDEN -> Problems.forbidden();
            case BAD_REQUEST ->
                Problem.of(status, "MALFORMED_REQUEST", "Malformed request", "The request is not valid.");
            case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> Problems.upstreamUnavailable(status);
            default ->
                status.is5xxServerError()
                        ? Problems.internalError()
                        : Problem.of(status, status.name(), status.getReasonPhrase(), status.getReasonPhrase());
        };
    }

    /** Logs a failure once, with its errorId: unexpected errors with their stack, known ones in one line. */
    public void log(Problem problem, Throwable failure, String errorId) {
        if (problem.status().is5xxServerError() && !(failure instanceof ProblemException)) {
            log.error("request failed errorId={} code={}", errorId, problem.code(), failure);
        } else if (problem.status().is5xxServerError()) {
            log.warn("request failed errorId={} code={} reason={}", errorId, problem.code(), failure.getMessage());
        } else if (log.isDebugEnabled()) {
            log.debug("request refused errorId={} code={} reason={}", errorId, problem.code(), failure.toString());
        }
    }
}
