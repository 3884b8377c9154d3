package io.mita.audit.integrity;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** Signs a digest now with the service's own signer, for tests outside this package. */
public final class TestDigests {

    private TestDigests() {}

    /** @return the new digest's id */
    public static long signNow(ApplicationContext context) {
        return context.getBean(DigestSigner.class)
                .signNow()
                .block(Duration.ofSeconds(30))
                .digestId();
    }
}
