package io.mita.insights.inbound;

import io.cloudevents.CloudEvent;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import io.mita.insights.projection.PlanState;
import io.mita.insights.projection.ProjectionChange;
import io.mita.insights.projection.TransactionState;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads an event of {@code mita.budget.v1} into the projection change it causes. Used by the live listener and by
 * the rebuild, so both apply the same rules. Answers empty for a type the projections do not use; throws
 * {@link NonRetryableEventException} for an event that can never be applied (an id that is no UUID, a missing
 * member, a subject other than the payload's user, an amount that is no non-negative decimal, an unknown
 * transaction type, a malformed currency or month).
 */
@Component
public class BudgetEvents {

    /** The live listener container's id, which the rebuild stops while it replays. */
    public static final String LISTENER_ID = "insights-budget";

    public static final Set<String> TRANSACTION_TYPES =
            Set.of(TransactionRecorded.CREATED, TransactionRecorded.UPDATED, TransactionRecorded.DELETED);

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final EventPayloads payloads;

    public BudgetEvents(EventPayloads payloads) {
        this.payloads = payloads;
    }

    /** Whether the projections use events of this type. */
    public static boolean isHandled(String type) {
        return TRANSACTION_TYPES.contains(type) || PlanUpdated.TYPE.equals(type);
    }

    public Optional<ProjectionChange> read(CloudEvent event) {
        if (event == null || !isHandled(event.getType())) {
            return Optional.empty();
        }
        UUID eventId = eventId(event);
        if (PlanUpdated.TYPE.equals(event.getType())) {
            return Optional.of(plan(eventId, event, payloads.read(event, PlanUpdated.class)));
        }
        return Optional.of(transaction(eventId, event, payloads.read(event, TransactionRecorded.class)));
    }

    private static TransactionState transaction(UUID eventId, CloudEvent event, TransactionRecorded payload) {
        String missing = payload.missingMember();
        if (missing != null) {
            throw new NonRetryableEventException(
                    "event " + eventId + " of type " + event.getType() + " lacks " + missing);
        }
        sameSubject(eventId, event, payload.userId());
        if (!"EXPENSE".equals(payload.type()) && !"INCOME".equals(payload.type())) {
            throw new NonRetryableEventException(
                    "event " + eventId + " has transaction type '" + payload.type() + "', not EXPENSE or INCOME");
        }
        return new TransactionState(
                payload.transactionId(),
                payload.userId(),
                payload.version(),
                TransactionRecorded.DELETED.equals(event.getType()),
                payload.type(),
                amount(eventId, "amount", payload.amount()),
                currency(eventId, payload.currency()),
                limited(eventId, "category", payload.category(), 100),
                payload.occurredOn(),
                payload.merchant() == null ? null : limited(eventId, "merchant", payload.merchant(), 200));
    }

    private static PlanState plan(UUID eventId, CloudEvent event, PlanUpdated payload) {
        String missing = payload.missingMember();
        if (missing != null) {
            throw new NonRetryableEventException(
                    "event " + eventId + " of type " + event.getType() + " lacks " + missing);
        }
        sameSubject(eventId, event, payload.userId());
        YearMonth month;
        try {
            month = YearMonth.parse(payload.month());
        } catch (DateTimeParseException e) {
            throw new NonRetryableEventException(
                    "event " + eventId + " has month '" + payload.month() + "', not yyyy-MM");
        }
        Map<String, BigDecimal> allocations = new LinkedHashMap<>();
        if (payload.allocations() != null) {
            for (PlanUpdated.Allocation allocation : payload.allocations()) {
                allocations.merge(
                        limited(eventId, "allocations[].category", allocation.category(), 100),
                        amount(eventId, "allocations[].amount", allocation.amount()),
                        BigDecimal::add);
            }
        }
        return new PlanState(
                payload.userId(),
                month,
                payload.version(),
                currency(eventId, payload.currency()),
                amount(eventId, "income", payload.income()),
                payload.commitmentsTotal() == null
                        ? BigDecimal.ZERO
                        : amount(eventId, "commitmentsTotal", payload.commitmentsTotal()),
                payload.savingsTarget() == null
                        ? BigDecimal.ZERO
                        : amount(eventId, "savingsTarget", payload.savingsTarget()),
                allocations);
    }

    private static void sameSubject(UUID eventId, CloudEvent event, UUID userId) {
        if (event.getSubject() != null && !event.getSubject().equals(userId.toString())) {
            throw new NonRetryableEventException("event " + eventId + " is about subject " + event.getSubject()
                    + ", its payload about user " + userId);
        }
    }

    private static BigDecimal amount(UUID eventId, String member, String text) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new NonRetryableEventException(
                    "event " + eventId + " has " + member + " '" + abbreviated(text) + "', not a decimal");
        }
        if (amount.signum() < 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
            throw new NonRetryableEventException("event " + eventId + " has " + member + " " + amount.toPlainString()
                    + ", not a non-negative decimal of at most 15 integer and 4 fraction digits");
        }
        return amount;
    }

    private static String currency(UUID eventId, String currency) {
        if (!CURRENCY.matcher(currency).matches()) {
            throw new NonRetryableEventException(
                    "event " + eventId + " has currency '" + abbreviated(currency) + "', not an ISO 4217 code");
        }
        return currency;
    }

    private static String limited(UUID eventId, String member, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new NonRetryableEventException(
                    "event " + eventId + " has a " + member + " that is blank or longer than " + max);
        }
        return value;
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException notAUuid) {
            throw new NonRetryableEventException("event id is not a UUID: " + abbreviated(event.getId()));
        }
    }
}
