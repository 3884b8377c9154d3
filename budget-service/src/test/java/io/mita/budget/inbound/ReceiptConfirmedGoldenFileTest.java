package io.mita.budget.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** budget-service's copy {@link ReceiptConfirmed} of ocr-service's payload reads the producer's golden file. */
class ReceiptConfirmedGoldenFileTest {

    @Test
    void theCopyReadsEveryMemberOfTheGoldenFile() {
        ReceiptConfirmed read = GoldenEvents.assertReads(ReceiptConfirmed.TYPE, ReceiptConfirmed.class);

        assertThat(read.receiptId()).isEqualTo(UUID.fromString("5b0e7c3a-9d41-4f2a-8c6e-1a2b3c4d5e6f"));
        assertThat(read.total()).isEqualTo("23.47");
        assertThat(read.occurredOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(read.missingMember()).isNull();
    }

    /**
     * The copy also writes the golden file back member for member, in order: the check EventCatalogueTest asks
     * of the producer, which this copy stands in for until ocr-service's producer is merged (docs/events/README.md).
     */
    @Test
    void theCopyWritesTheGoldenFileBackUnchanged() {
        ReceiptConfirmed read = GoldenEvents.assertReads(ReceiptConfirmed.TYPE, ReceiptConfirmed.class);

        GoldenEvents.assertSerialisesTo(ReceiptConfirmed.TYPE, read);
    }
}
