package io.mita.ocr.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ocr-service's copy {@link UserErased} of auth-service's payload reads the producer's golden file. */
class UserErasedGoldenFileTest {

    @Test
    void theCopyReadsEveryMemberOfTheGoldenFile() {
        UserErased read = GoldenEvents.assertReads(UserErased.TYPE, UserErased.class);

        assertThat(read.userId()).isEqualTo(UUID.fromString("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"));
    }
}
