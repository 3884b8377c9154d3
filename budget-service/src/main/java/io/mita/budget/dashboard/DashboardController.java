package io.mita.budget.dashboard;

import io.mita.common.security.CurrentUser;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/budget/dashboard?zone=Europe/Berlin}: the caller's dashboard as of today in {@code zone} (an
 * IANA time-zone id, UTC when absent; anything else is 400 {@code VALIDATION_FAILED}). The body is a {@link
 * DashboardResponse} as JSON, written as bytes ({@link DashboardBody}: a stored dashboard is not serialised again).
 */
@RestController
@RequestMapping(DashboardController.PATH)
class DashboardController {

    static final String PATH = "/api/budget/dashboard";

    private final DashboardService service;

    DashboardController(DashboardService service) {
        this.service = service;
    }

    @GetMapping
    Mono<ResponseEntity<byte[]>> dashboard(CurrentUser user, @RequestParam(required = false) String zone) {
        return Mono.defer(() -> service.dashboard(user.userId(), zone(zone)))
                .map(body -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body));
    }

    static final ZoneId UTC = ZoneId.of("UTC");

    static ZoneId zone(String id) {
        if (id == null) {
            return UTC;
        }
        if (id.isBlank() || id.length() > 64) {
            throw invalid();
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw invalid();
        }
    }

    private static InvalidDashboardRequestException invalid() {
        return new InvalidDashboardRequestException(
                "zone", "must be a time-zone id such as Europe/Berlin or UTC (IANA time-zone database)");
    }
}
