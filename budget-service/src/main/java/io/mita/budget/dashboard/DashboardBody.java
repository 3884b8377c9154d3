package io.mita.budget.dashboard;

import io.mita.budget.plan.PlannedMonth;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's response body ({@link DashboardResponse}) in two pieces, so that a stored dashboard is written as
 * stored: the <em>rendered parts</em>, the JSON object of {@code budget}, {@code latestTransactions},
 * {@code nextGoals} and {@code habits} for a day, rendered once when the dashboard is computed and stored with it;
 * and the request's own {@code today}, {@code zone} and {@code month}, put in front of it per request. Both are
 * written by the application's {@link JsonMapper} (the one WebFlux answers with), so the bytes are those the mapper
 * writes for the whole {@link DashboardResponse} (DashboardBodyTest).
 */
@Component
class DashboardBody {

    private final JsonMapper json;

    DashboardBody(JsonMapper json) {
        this.json = json;
    }

    /** The rendered parts of a dashboard computed for {@code today}: a JSON object, stored with the dashboard. */
    String renderedParts(DashboardParts parts, LocalDate today) {
        return json.writeValueAsString(new RenderedParts(
                parts.month() == null ? null : budget(parts.month(), today),
                parts.latestTransactions(),
                parts.nextGoals(),
                parts.habits()));
    }

    /** The response: {@code today}, {@code zone} and {@code month}, then the rendered parts' members. */
    byte[] response(LocalDate today, ZoneId zone, String renderedParts) {
        if (renderedParts.length() < 2 || renderedParts.charAt(0) != '{') {
            throw new IllegalArgumentException("rendered parts must be a JSON object");
        }
        StringBuilder body = new StringBuilder(renderedParts.length() + 80)
                .append("{\"today\":")
                .append(json.writeValueAsString(today))
                .append(",\"zone\":")
                .append(json.writeValueAsString(zone.getId()))
                .append(",\"month\":")
                .append(json.writeValueAsString(YearMonth.from(today).toString()));
        if (renderedParts.length() > 2) {
            body.append(',');
        }
        return body.append(renderedParts, 1, renderedParts.length()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Today's safe-to-spend and, per category, the month's plan, the spending up to today and what remains. */
    static DashboardResponse.Budget budget(PlannedMonth month, LocalDate today) {
        List<DashboardResponse.CategoryToDate> categories = new ArrayList<>();
        long plannedTotal = 0;
        long spentTotal = 0;
        for (String category : month.planned().keySet()) {
            long planned = month.plannedInMonth(category);
            long spent = month.spentUpTo(category, today);
            plannedTotal += planned;
            spentTotal += spent;
            categories.add(new DashboardResponse.CategoryToDate(
                    category, month.text(planned), month.text(spent), month.text(planned - spent)));
        }
        return new DashboardResponse.Budget(
                month.currency().getCurrencyCode(),
                month.text(month.safeToSpend(today)),
                month.text(plannedTotal),
                month.text(spentTotal),
                month.text(plannedTotal - spentTotal),
                categories);
    }

    /** {@link DashboardResponse}'s members after {@code month}, in its order. */
    record RenderedParts(
            DashboardResponse.Budget budget,
            List<DashboardTransaction> latestTransactions,
            List<DashboardGoal> nextGoals,
            List<DashboardHabit> habits) {}
}
