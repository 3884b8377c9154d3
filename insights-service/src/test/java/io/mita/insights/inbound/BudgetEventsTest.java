package io.mita.insights.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import io.mita.insights.projection.PlanState;
import io.mita.insights.projection.TransactionState;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the projections make of each event of mita.budget.v1, and what they refuse for good (to the DLT). */
class BudgetEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BudgetEvents events = new BudgetEvents(new EventPayloads(JSON));
    private final UUID user = UUID.randomUUID();

    @Test
    void aDeletedTransactionIsItsLastStateMarkedDeleted() {
        TransactionState state = (TransactionState)
                events.read(event(TransactionRecorded.DELETED, transaction())).orElseThrow();

        assertThat(state.deleted()).isTrue();
        assertThat(state.amount()).isEqualByComparingTo("14.90");
        assertThat(state.userId()).isEqualTo(user);
        assertThat(state.version()).isEqualTo(2);
        assertThat(((TransactionState) events.read(event(TransactionRecorded.UPDATED, transaction()))
                                .orElseThrow())
                        .deleted())
                .isFalse();
    }

    @Test
    void aPlanBecomesItsMonthsIncomeTargetAndAllocations() {
        PlanState plan =
                (PlanState) events.read(event(PlanUpdated.TYPE, plan())).orElseThrow();

        assertThat(plan.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(plan.savingsTarget()).isEqualByComparingTo("300.00");
        assertThat(plan.allocations()).containsEntry("groceries", new BigDecimal("400.00"));
    }

    @Test
    void otherTypesAreNotUsed() {
        assertThat(events.read(event("mita.budget.goal.created.v1", Map.of("goalId", "x"))))
                .isEmpty();
        assertThat(events.read(event("mita.something.new.v9", Map.of()))).isEmpty();
        assertThat(events.read(null)).isEmpty();
    }

    @Test
    void malformedEventsAreRefusedForGoodWithTheirReason() {
        refused(eventWithId("tx-1", TransactionRecorded.CREATED, transaction()), "not a UUID");
        refused(event(TransactionRecorded.CREATED, with(transaction(), "amount", "twelve")), "not a decimal");
        refused(event(TransactionRecorded.CREATED, with(transaction(), "amount", "-3.00")), "non-negative");
        refused(event(TransactionRecorded.CREATED, with(transaction(), "currency", "euro")), "ISO 4217");
        refused(event(TransactionRecorded.CREATED, with(transaction(), "type", "TRANSFER")), "not EXPENSE or INCOME");
        refused(
                event(
                        TransactionRecorded.CREATED,
                        with(transaction(), "userId", UUID.randomUUID().toString())),
                "subject");
        refused(event(TransactionRecorded.CREATED, with(transaction(), "version", null)), "lacks version");
        refused(event(TransactionRecorded.CREATED, with(transaction(), "category", null)), "lacks category");
        refused(event(PlanUpdated.TYPE, with(plan(), "month", "March")), "not yyyy-MM");
        refused(event(PlanUpdated.TYPE, with(plan(), "income", null)), "lacks income");
        CloudEvent noData = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/mita/budget"))
                .withType(TransactionRecorded.CREATED)
                .withSubject(user.toString())
                .build();
        refused(noData, "no data");
    }

    @Test
    void aMemberOfTheWrongJsonTypeIsRefusedForGood() {
        assertThatThrownBy(() ->
                        events.read(event(TransactionRecorded.CREATED, with(transaction(), "occurredOn", "soon"))))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    private void refused(CloudEvent event, String reason) {
        assertThatThrownBy(() -> events.read(event))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining(reason);
    }

    private Map<String, Object> transaction() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", UUID.randomUUID().toString());
        data.put("userId", user.toString());
        data.put("type", "EXPENSE");
        data.put("amount", "14.90");
        data.put("currency", "EUR");
        data.put("category", "groceries");
        data.put("occurredOn", "2026-01-15");
        data.put("merchant", "Lidl");
        data.put("version", 2);
        return data;
    }

    private Map<String, Object> plan() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", UUID.randomUUID().toString());
        data.put("userId", user.toString());
        data.put("month", "2026-03");
        data.put("currency", "EUR");
        data.put("income", "2500.00");
        data.put("commitmentsTotal", "900.00");
        data.put("savingsTarget", "300.00");
        data.put("allocations", List.of(Map.of("category", "groceries", "amount", "400.00")));
        data.put("version", 0);
        return data;
    }

    private static Map<String, Object> with(Map<String, Object> data, String member, Object value) {
        data.put(member, value);
        return data;
    }

    private CloudEvent event(String type, Map<String, Object> data) {
        return eventWithId(UUID.randomUUID().toString(), type, data);
    }

    private CloudEvent eventWithId(String id, String type, Map<String, Object> data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/mita/budget"))
                .withType(type)
                .withSubject(user.toString())
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
    }
}
