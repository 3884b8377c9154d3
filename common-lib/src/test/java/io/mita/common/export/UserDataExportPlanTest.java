package io.mita.common.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.problem.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class UserDataExportPlanTest {

    static final List<ExportedTable> TABLES = List.of(ExportedTable.table("entry", "id"));

    @Test
    void aPlanIsServedUnderItsServicesMeExportPath() {
        assertThatThrownBy(() -> new UserDataExportPlan("budget", "/api/budget/export", TABLES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api/<service>/me/export");
        assertThatThrownBy(() -> new UserDataExportPlan("budget", "/budget/me/export", TABLES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlanThatExportsNothingIsRefused() {
        assertThatThrownBy(() -> new UserDataExportPlan("budget", "/api/budget/me/export", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exports something");
    }

    @Test
    void theRouteAnswersOnlyGetOnThePlansPath() {
        RouterFunction<ServerResponse> route = route();

        assertThat(route.route(request(HttpMethod.GET, "/api/budget/me/export")).block())
                .isNotNull();
        assertThat(route.route(request(HttpMethod.POST, "/api/budget/me/export"))
                        .block())
                .isNull();
        assertThat(route.route(request(HttpMethod.GET, "/api/ocr/me/export")).block())
                .isNull();
    }

    @Test
    void aRequestWithoutAnAuthenticatedUserIsRefusedWith401() {
        HandlerFunction<ServerResponse> handler =
                route().route(request(HttpMethod.GET, "/api/budget/me/export")).block();

        StepVerifier.create(handler.handle(request(HttpMethod.GET, "/api/budget/me/export")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                ProblemException.class,
                                problem -> assertThat(problem.status().value()).isEqualTo(401)))
                .verify();
    }

    @Test
    void aTokenWhoseSubjectIsNoUserIdIsRefusedWith401() {
        HandlerFunction<ServerResponse> handler =
                route().route(request(HttpMethod.GET, "/api/budget/me/export")).block();
        var service = new TestingAuthenticationToken("gateway-service", "n/a", "ROLE_SERVICE");

        StepVerifier.create(handler.handle(request(HttpMethod.GET, "/api/budget/me/export"))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(service)))
                .expectError(ProblemException.class)
                .verify();
    }

    @Test
    void anAuthenticatedUserGetsAJsonDocument() {
        HandlerFunction<ServerResponse> handler =
                route().route(request(HttpMethod.GET, "/api/budget/me/export")).block();
        var user = new TestingAuthenticationToken(UUID.randomUUID().toString(), "n/a", "ROLE_USER");

        StepVerifier.create(handler.handle(request(HttpMethod.GET, "/api/budget/me/export"))
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(user)))
                .assertNext(response -> {
                    assertThat(response.statusCode().value()).isEqualTo(200);
                    assertThat(response.headers().getContentType()).hasToString("application/json");
                })
                .verifyComplete();
    }

    private static RouterFunction<ServerResponse> route() {
        // the database is never reached: the response's body is written only when a server subscribes to it
        DatabaseClient unused = DatabaseClient.create(new UnreachableConnectionFactory());
        return PersonalDataExportRoute.of(
                new UserDataExportPlan("budget", "/api/budget/me/export", TABLES),
                new PersonalDataExport(unused, Clock.systemUTC()));
    }

    private static MockServerRequest request(HttpMethod method, String path) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
        return MockServerRequest.builder()
                .method(method)
                .uri(exchange.getRequest().getURI())
                .exchange(exchange)
                .build();
    }

    /** A connection factory that fails if anything asks it for a connection. */
    private static final class UnreachableConnectionFactory implements io.r2dbc.spi.ConnectionFactory {
        @Override
        public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> create() {
            return Mono.error(new AssertionError("the route must not read before the response is written"));
        }

        @Override
        public io.r2dbc.spi.ConnectionFactoryMetadata getMetadata() {
            return () -> "PostgreSQL"; // the name decides the bind markers
        }
    }
}
