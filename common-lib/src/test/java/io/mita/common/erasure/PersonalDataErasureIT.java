package io.mita.common.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.events.NonRetryableEventException;
import io.mita.testsupport.MitaIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** A person's rows deleted on the real database: once per event, all or nothing, malformed events refused. */
@MitaIntegrationTest
class PersonalDataErasureIT {

    static final String CONSUMER = "erasure-it";
    static final List<String> STATEMENTS = List.of(
            "DELETE FROM erasure_it_note WHERE user_id = :userId",
            "DELETE FROM erasure_it_diary WHERE user_id = :userId");

    @Autowired
    PersonalDataErasure erasure;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    private final UUID erased = UUID.randomUUID();
    private final UUID kept = UUID.randomUUID();

    @BeforeEach
    void twoPeoplesRows() {
        run("CREATE TABLE IF NOT EXISTS erasure_it_note (user_id UUID NOT NULL, text VARCHAR(100))");
        run("CREATE TABLE IF NOT EXISTS erasure_it_diary (user_id UUID NOT NULL, text VARCHAR(100))");
        for (UUID user : List.of(erased, kept)) {
            for (String table : List.of("erasure_it_note", "erasure_it_diary")) {
                database.sql("INSERT INTO " + table + " (user_id, text) VALUES (:u, 'private')")
                        .bind("u", user)
                        .then()
                        .block(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void theErasedPersonsRowsGoAndTheSameEventAgainDeletesNothingAndCountsOnce() {
        double before = erasedCount();
        CloudEvent event = event(UUID.randomUUID().toString(), erased.toString());

        assertThat(erasure.erase(event, erased, CONSUMER, STATEMENTS).block(Duration.ofSeconds(10)))
                .isEqualTo(2);
        assertThat(erasure.erase(event, erased, CONSUMER, STATEMENTS).block(Duration.ofSeconds(10)))
                .isZero();

        assertThat(rows(erased)).isZero();
        assertThat(rows(kept)).isEqualTo(2);
        assertThat(erasedCount()).isEqualTo(before + 1);
    }

    @Test
    void aFailingStatementLeavesEverythingAsItWasSoThatTheRedeliveryErases() {
        CloudEvent event = event(UUID.randomUUID().toString(), erased.toString());
        List<String> broken = List.of(STATEMENTS.get(0), "DELETE FROM erasure_it_missing WHERE user_id = :userId");

        assertThatThrownBy(() -> erasure.erase(event, erased, CONSUMER, broken).block(Duration.ofSeconds(10)))
                .isNotNull();
        assertThat(rows(erased)).isEqualTo(2);

        assertThat(erasure.erase(event, erased, CONSUMER, STATEMENTS).block(Duration.ofSeconds(10)))
                .isEqualTo(2);
    }

    @Test
    void anEventWithoutAUuidIdOrPersonOrAboutSomeoneElseCanNeverBeProcessed() {
        assertThatThrownBy(() -> erasure.erase(event("not-a-uuid", erased.toString()), erased, CONSUMER, STATEMENTS))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("not a UUID");
        assertThatThrownBy(() -> erasure.erase(
                        event(UUID.randomUUID().toString(), erased.toString()), null, CONSUMER, STATEMENTS))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("lacks userId");
        assertThatThrownBy(() -> erasure.erase(
                        event(UUID.randomUUID().toString(), kept.toString()), erased, CONSUMER, STATEMENTS))
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining("subject " + kept);

        assertThat(rows(erased)).isEqualTo(2);
    }

    private static CloudEvent event(String id, String subject) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/mita/auth"))
                .withType("mita.auth.user.erased.v1")
                .withSubject(subject)
                .build();
    }

    private long rows(UUID user) {
        return database.sql("SELECT (SELECT count(*) FROM erasure_it_note WHERE user_id = :u)"
                        + " + (SELECT count(*) FROM erasure_it_diary WHERE user_id = :u) AS n")
                .bind("u", user)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private double erasedCount() {
        return meters.get(PersonalDataErasure.METRIC).counter().count();
    }

    private void run(String sql) {
        database.sql(sql).then().block(Duration.ofSeconds(10));
    }
}
