package io.mita.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void keepsTheStatusCodeAndDetailOfADomainProblem() {
        Problem problem = mapper.toProblem(new ProblemException(HttpStatus.CONFLICT, "BUDGET_X", "X", "detail of x"));
        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.code()).isEqualTo("BUDGET_X");
        assertThat(problem.detail()).isEqualTo("detail of x");
    }

    @Test
    void answersAnUnexpectedFailureWith500WithoutLeakingItsMessage() {
        Problem problem = mapper.toProblem(new IllegalStateException("password=hunter2 at db-host-7"));
        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("db-host-7");
    }

    @Test
    void mapsFrameworkFailuresToTheirGenericCodes() {
        assertThat(mapper.toProblem(new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN, java.util.List.of()))
                        .code())
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(mapper.toProblem(new ServerWebInputException("bad", null, new DecodingException("json")))
                        .code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(mapper.toProblem(new ResponseStatusException(HttpStatus.NOT_FOUND))
                        .code())
                .isEqualTo("NOT_FOUND");
        assertThat(mapper.toProblem(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE))
                        .code())
                .isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(mapper.toProblem(new AccessDeniedException("no")).status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mapper.toProblem(new OptimisticLockingFailureException("stale"))
                        .status())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void answersADatabaseThatCannotBeReachedWith503SoTheClientRetries() {
        var refused = new org.springframework.dao.DataAccessResourceFailureException(
                "Failed to obtain R2DBC Connection",
                new io.r2dbc.spi.R2dbcNonTransientResourceException(
                        "Cannot connect to 127.0.0.1:15432", new java.net.ConnectException("Connection refused")));
        var poolExhausted = new IllegalStateException(
                "wrapped", new reactor.pool.PoolAcquireTimeoutException(java.time.Duration.ofSeconds(2)));

        assertThat(mapper.toProblem(refused).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(mapper.toProblem(refused).code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(mapper.toProblem(refused).detail()).doesNotContain("15432");
        assertThat(mapper.toProblem(poolExhausted).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aProblemThatALibraryWrappedKeepsItsStatusAndCode() {
        var wrapped = new IllegalStateException(
                "Could not obtain the keys",
                new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_UPSTREAM_UNAVAILABLE", "Unavailable", "retry"));

        Problem problem = mapper.toProblem(wrapped);

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.code()).isEqualTo("GATEWAY_UPSTREAM_UNAVAILABLE");
    }

    @Test
    void anErrorTheServerRaisedIsNotAnUnreachableDatabaseEvenInAResourceFailureWrapper() {
        // Spring wraps the driver's non-transient resource exception, which PostgreSQL's RAISE also becomes
        var raised = new org.springframework.dao.DataAccessResourceFailureException(
                "trigger", new io.r2dbc.spi.R2dbcNonTransientResourceException("write refused", "P0001"));
        var shuttingDown = new org.springframework.dao.DataAccessResourceFailureException(
                "admin", new io.r2dbc.spi.R2dbcNonTransientResourceException("terminating connection", "57P01"));

        assertThat(mapper.toProblem(raised).status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(mapper.toProblem(shuttingDown).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aFailedQueryIsNotMistakenForAnUnreachableDatabase() {
        var badSql = new org.springframework.r2dbc.BadSqlGrammarException(
                "select", "SELECT nope", new io.r2dbc.spi.R2dbcBadGrammarException("column nope does not exist"));
        assertThat(mapper.toProblem(badSql).status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void writesTheRfc9457MembersAndMitaExtensions() {
        Map<String, Object> body = Problem.of(HttpStatus.NOT_FOUND, "BUDGET_TRANSACTION_NOT_FOUND", "Not found", "gone")
                .body("e-1", "c-1", "/api/budget/transactions/1");
        assertThat(body)
                .containsEntry("status", 404)
                .containsEntry("code", "BUDGET_TRANSACTION_NOT_FOUND")
                .containsEntry("errorId", "e-1")
                .containsEntry("correlationId", "c-1")
                .containsEntry("type", "https://mita.io/problems/budget-transaction-not-found")
                .containsKeys("title", "detail", "instance");
    }
}
