package io.mita.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewestFirstOrderTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

    private static AuditEventFilter between(Instant from, Instant to) {
        return new AuditEventFilter(null, "mita.budget.transaction.created.v1", null, null, null, null, from, to);
    }

    @Test
    void aWindowOfOneDayIsReadByItsRangeFirst() {
        assertThat(AuditEventRepository.orderNewestFirst(between(MONDAY, MONDAY.plusSeconds(86_400))))
                .isEqualTo(" ORDER BY e.seq + 0 DESC LIMIT :limit");
    }

    @Test
    void aWindowOfExactlySevenDaysIsStillReadByItsRangeFirst() {
        assertThat(AuditEventRepository.orderNewestFirst(
                        between(MONDAY, MONDAY.plus(AuditEventRepository.RANGE_FIRST_WINDOW))))
                .contains("e.seq + 0");
    }

    @Test
    void aWiderWindowWalksTheLogBackwardsFromTheNewestRow() {
        assertThat(AuditEventRepository.orderNewestFirst(between(MONDAY, MONDAY.plusSeconds(8 * 86_400))))
                .isEqualTo(" ORDER BY e.seq DESC LIMIT :limit");
    }

    @Test
    void aWindowOpenOnEitherSideWalksTheLogBackwardsFromTheNewestRow() {
        assertThat(AuditEventRepository.orderNewestFirst(between(MONDAY, null))).doesNotContain("+ 0");
        assertThat(AuditEventRepository.orderNewestFirst(between(null, MONDAY))).doesNotContain("+ 0");
        assertThat(AuditEventRepository.orderNewestFirst(between(null, null))).doesNotContain("+ 0");
    }
}
