package io.mita.budget.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.budget.plan.PlannedMonth;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response as the rendered parts behind today, zone and month: the same bytes as the whole {@link
 * DashboardResponse} written by the same mapper, so a stored dashboard's answer is the one a computed dashboard gave.
 */
class DashboardBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    private final DashboardBody body = new DashboardBody(JSON);

    @Test
    void theRenderedPartsBehindTodayZoneAndMonthAreTheWholeResponseAsTheMapperWritesIt() {
        DashboardParts parts = parts(june());
        ZoneId zone = ZoneId.of("Europe/Berlin");

        byte[] answer = body.response(TODAY, zone, body.renderedParts(parts, TODAY));

        assertThat(new String(answer, StandardCharsets.UTF_8))
                .isEqualTo(JSON.writeValueAsString(new DashboardResponse(
                        TODAY,
                        "Europe/Berlin",
                        "2026-06",
                        DashboardBody.budget(parts.month(), TODAY),
                        parts.latestTransactions(),
                        parts.nextGoals(),
                        parts.habits())));
    }

    @Test
    void aMonthWithoutPlanIsWrittenAsTheMapperWritesItsNullBudget() {
        DashboardParts parts = parts(null);

        byte[] answer = body.response(TODAY, ZoneId.of("UTC"), body.renderedParts(parts, TODAY));

        assertThat(new String(answer, StandardCharsets.UTF_8))
                .isEqualTo(JSON.writeValueAsString(new DashboardResponse(
                        TODAY, "UTC", "2026-06", null, parts.latestTransactions(), List.of(), List.of())));
    }

    @Test
    void storedPartsAreWrittenForTheDayTheRequestAsksAboutInItsZone() {
        String rendered = body.renderedParts(parts(june()), TODAY);

        String answer =
                new String(body.response(TODAY, ZoneId.of("Pacific/Kiritimati"), rendered), StandardCharsets.UTF_8);

        assertThat(answer)
                .startsWith("{\"today\":\"2026-06-10\",\"zone\":\"Pacific/Kiritimati\",\"month\":\"2026-06\",");
        assertThat(answer).endsWith(rendered.substring(1));
    }

    @Test
    void emptyRenderedPartsGiveTodayZoneAndMonthOnly() {
        byte[] answer = body.response(TODAY, ZoneId.of("UTC"), "{}");

        assertThat(new String(answer, StandardCharsets.UTF_8))
                .isEqualTo("{\"today\":\"2026-06-10\",\"zone\":\"UTC\",\"month\":\"2026-06\"}");
    }

    @Test
    void renderedPartsThatAreNotAJsonObjectAreRefused() {
        assertThatThrownBy(() -> body.response(TODAY, ZoneId.of("UTC"), "[1]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> body.response(TODAY, ZoneId.of("UTC"), "{"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DashboardParts parts(PlannedMonth month) {
        return new DashboardParts(
                month,
                List.of(new DashboardTransaction(
                        UUID.fromString("00000000-0000-0000-0000-000000000001"),
                        "EXPENSE",
                        "25.00",
                        "EUR",
                        "groceries",
                        LocalDate.of(2026, 6, 10),
                        "Caf\u00e9 \"Zur Linde\"")),
                month == null
                        ? List.of()
                        : List.of(new DashboardGoal(
                                UUID.fromString("00000000-0000-0000-0000-000000000002"),
                                "Bike",
                                "400.00",
                                "EUR",
                                LocalDate.of(2026, 9, 30),
                                "100.00",
                                "300.00",
                                new BigDecimal("25.0"))),
                month == null
                        ? List.of()
                        : List.of(new DashboardHabit(
                                UUID.fromString("00000000-0000-0000-0000-000000000003"),
                                "Cook",
                                "DAY",
                                false,
                                4,
                                6,
                                "PENDING")));
    }

    private static PlannedMonth june() {
        long[] groceries = new long[30];
        java.util.Arrays.fill(groceries, 1_000);
        long[] spent = new long[30];
        spent[9] = 2_500;
        Map<String, long[]> planned = new LinkedHashMap<>();
        planned.put("groceries", groceries);
        Map<String, long[]> spending = new LinkedHashMap<>();
        spending.put("groceries", spent);
        return new PlannedMonth(YearMonth.of(2026, 6), Currency.getInstance("EUR"), planned, spending);
    }
}
