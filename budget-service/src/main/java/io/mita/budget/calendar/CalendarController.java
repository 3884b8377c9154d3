package io.mita.budget.calendar;

import io.mita.budget.plan.PlanMonth;
import io.mita.common.security.CurrentUser;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/budget/calendar/{yyyy-MM}}: the caller's planned month day by day (404 without a plan). */
@RestController
@RequestMapping(CalendarController.PATH)
class CalendarController {

    static final String PATH = "/api/budget/calendar";

    private final CalendarService service;
    private final Clock clock;

    CalendarController(CalendarService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/{month}")
    Mono<CalendarResponse> calendar(CurrentUser user, @PathVariable String month) {
        return service.calendar(user.userId(), PlanMonth.parse(month, clock));
    }
}
