package io.mita.common.export;

import io.mita.common.problem.ProblemException;
import io.mita.common.problem.Problems;
import io.mita.common.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET <plan's path>}: everything the service holds about the caller, streamed page by page. auth-service
 * calls it with a short-lived token of the user to build the archive of {@code POST /api/auth/me/export}; the user
 * may call it too. The caller comes from the verified token only (the security chain refuses a request without
 * one before it gets here; the check below keeps the route safe if a chain were ever to let one through).
 */
public final class PersonalDataExportRoute {

    private PersonalDataExportRoute() {}

    public static RouterFunction<ServerResponse> of(UserDataExportPlan plan, PersonalDataExport export) {
        return RouterFunctions.route(
                RequestPredicates.GET(plan.path()),
                request -> CurrentActor.user()
                        .switchIfEmpty(Mono.error(PersonalDataExportRoute::unauthenticated))
                        .flatMap(user -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(BodyInserters.fromDataBuffers(
                                        export.export(plan.service(), user.userId(), plan.tables())))));
    }

    private static ProblemException unauthenticated() {
        var problem = Problems.unauthenticated();
        return new ProblemException(problem.status(), problem.code(), problem.title(), problem.detail());
    }
}
