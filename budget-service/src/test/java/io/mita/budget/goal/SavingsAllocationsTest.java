package io.mita.budget.goal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.goal.SavingsAllocations.Allocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SavingsAllocationsTest {

    private static final BigDecimal TARGET = new BigDecimal("500.00");

    @Test
    void allocationsUpToTheSavingsTargetFit() {
        assertThat(SavingsAllocations.fits(TARGET, List.of(new BigDecimal("200.00")), new BigDecimal("300.00")))
                .isTrue();
        assertThat(SavingsAllocations.fits(TARGET, List.of(), new BigDecimal("500.00")))
                .isTrue();
    }

    @Test
    void oneMinorUnitAboveTheSavingsTargetDoesNotFit() {
        assertThat(SavingsAllocations.fits(TARGET, List.of(new BigDecimal("200.00")), new BigDecimal("300.01")))
                .isFalse();
    }

    @Test
    void whatIsAvailableIsTheTargetLessTheOthersAndNeverNegative() {
        assertThat(SavingsAllocations.available(TARGET, List.of(new BigDecimal("120.00"))))
                .isEqualByComparingTo("380.00");
        assertThat(SavingsAllocations.available(TARGET, List.of(new BigDecimal("620.00"))))
                .isEqualByComparingTo("0");
    }

    @Test
    void theTransferPaysInOrderAndSkipsWhatNoLongerFitsWithoutPayingInPart() {
        UUID first = UUID.randomUUID();
        UUID tooBig = UUID.randomUUID();
        UUID small = UUID.randomUUID();

        List<UUID> paid = SavingsAllocations.payable(
                TARGET,
                List.of(
                        new Allocation(first, new BigDecimal("300.00")),
                        new Allocation(tooBig, new BigDecimal("250.00")),
                        new Allocation(small, new BigDecimal("200.00"))));

        assertThat(paid).containsExactly(first, small);
    }

    @Test
    void aSavingsTargetOfZeroPaysNothing() {
        assertThat(SavingsAllocations.payable(
                        BigDecimal.ZERO, List.of(new Allocation(UUID.randomUUID(), new BigDecimal("1.00")))))
                .isEmpty();
    }
}
