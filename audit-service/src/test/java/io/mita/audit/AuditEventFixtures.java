package io.mita.audit;

import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** CloudEvents as MITA services publish them, ready to be varied per test. */
public final class AuditEventFixtures {

    public static final String TEST_TOPIC = "mita.test.v1";
    public static final String BUDGET_TOPIC = "mita.budget.v1";

    private AuditEventFixtures() {}

    /** A complete event about {@code subject}: random id, now, actor and correlation ids, a small JSON payload. */
    public static CloudEventBuilder anEvent(String subject) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/mita/test"))
                .withType("mita.test.thing.happened.v1")
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .withExtension("actorid", subject)
                .withExtension("correlationid", UUID.randomUUID().toString())
                .withData("application/json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
    }

    public static CloudEventBuilder aBudgetEvent(String subject) {
        return anEvent(subject)
                .withSource(URI.create("/mita/budget"))
                .withType("mita.budget.transaction.created.v1")
                .withData(
                        "application/json",
                        "{\"transactionId\":\"7f1c\",\"amount\":\"12.50\",\"currency\":\"EUR\"}"
                                .getBytes(StandardCharsets.UTF_8));
    }

    public static String aSubject() {
        return UUID.randomUUID().toString();
    }
}
