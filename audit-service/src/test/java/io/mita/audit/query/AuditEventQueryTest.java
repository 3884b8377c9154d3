package io.mita.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventQueryTest {

    @Test
    void withoutParametersTheNewestFiftyEventsAreAskedFor() {
        AuditEventQuery query = AuditEventQuery.of(null, null, null, null, null, null, null, null, null, null);

        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.beforeSeq()).isNull();
        assertThat(query.filter()).isEqualTo(new AuditEventFilter(null, null, null, null, null, null, null, null));
    }

    @Test
    void everyFilterIsCarriedOverAndBlankOnesAreIgnored() {
        AuditEventQuery query = AuditEventQuery.of(
                "user-1",
                "mita.budget.transaction.created.v1",
                " ",
                "actor-1",
                "corr-1",
                " Jane@Example.com ",
                "2025-03-01T00:00:00+02:00",
                "2025-03-02T00:00:00Z",
                AuditCursor.encode(77L),
                "500");

        assertThat(query.filter())
                .isEqualTo(new AuditEventFilter(
                        "user-1",
                        "mita.budget.transaction.created.v1",
                        null,
                        "actor-1",
                        "corr-1",
                        "Jane@Example.com",
                        Instant.parse("2025-02-28T22:00:00Z"),
                        Instant.parse("2025-03-02T00:00:00Z")));
        assertThat(query.beforeSeq()).isEqualTo(77L);
        assertThat(query.limit()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "ten", "1.5"})
    void aLimitOutsideOneToFiveHundredIsAValidationFailure(String limit) {
        assertThatThrownBy(() -> AuditEventQuery.of(null, null, null, null, null, null, null, null, null, limit))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasFieldOrPropertyWithValue("code", "VALIDATION_FAILED")
                .hasMessageContaining("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-03-01", "2025-03-01T00:00:00", "2025-13-01T00:00:00Z"})
    void aTimeThatIsNotAnIsoInstantIsAValidationFailure(String time) {
        assertThatThrownBy(() -> AuditEventQuery.of(null, null, null, null, null, null, time, null, null, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("'from'");
        assertThatThrownBy(() -> AuditEventQuery.of(null, null, null, null, null, null, null, time, null, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("'to'");
    }

    @Test
    void fromMustComeBeforeTo() {
        assertThatThrownBy(() -> AuditEventQuery.of(
                        null, null, null, null, null, null, "2025-03-02T00:00:00Z", "2025-03-02T00:00:00Z", null, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("before");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "@example.com", "jane@"})
    void anEmailFilterThatIsNotAnAddressIsAValidationFailure(String email) {
        assertThatThrownBy(() -> AuditEventQuery.of(null, null, null, null, null, email, null, null, null, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("'email'");
    }

    @Test
    void aMalformedCursorIsAnInvalidCursorNotAValidationFailure() {
        assertThatThrownBy(() -> AuditEventQuery.of(null, null, null, null, null, null, null, null, "garbage!", null))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void anEventIdMustBeACanonicalUuid() {
        UUID id = UUID.randomUUID();

        assertThat(AuditEventQuery.eventId(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> AuditEventQuery.eventId("1-2-3-4-5")).isInstanceOf(InvalidAuditQueryException.class);
        assertThatThrownBy(() -> AuditEventQuery.eventId("nope")).isInstanceOf(InvalidAuditQueryException.class);
    }
}
