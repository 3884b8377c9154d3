package io.mita.auth.retention;

import static io.mita.auth.AuthFixtures.aUniqueEmail;
import static io.mita.auth.AuthFixtures.login;
import static io.mita.auth.AuthFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mita.auth.AuthFixtures;
import io.mita.auth.AuthFixtures.Tokens;
import io.mita.auth.secret.OpaqueToken;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The retention purge on PostgreSQL: what is old goes, what is still needed stays, and the metric counts it. */
@MitaIntegrationTest
class RetentionPurgeIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    RetentionPurge purge;

    @Autowired
    RetentionProperties retention;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void patience() {
        client = AuthFixtures.patient(client);
    }

    @Test
    void deletesLongExpiredTokensTheirSessionsOldInboxRowsAndOldCountsAndKeepsTheRest() {
        assertThat(retention.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(retention.expiredKept()).isEqualTo(Duration.ofDays(7));
        String email = aUniqueEmail();
        UUID userId = register(client, email);
        Tokens old = login(client, email);
        Tokens current = login(client, email);
        sql("UPDATE refresh_token SET expires_at = now() - interval '8 days' WHERE token_hash = '"
                + OpaqueToken.hashOf(old.refreshToken()) + "'");
        UUID oldReset = UUID.randomUUID();
        UUID freshReset = UUID.randomUUID();
        sql("INSERT INTO password_reset_token (id, user_id, request_id, token_hash, expires_at, created_at) VALUES"
                + " ('" + oldReset + "', '" + userId + "', gen_random_uuid(), '" + UUID.randomUUID()
                + "', now() - interval '8 days', now() - interval '9 days'),"
                + " ('" + freshReset + "', '" + userId + "', gen_random_uuid(), '" + UUID.randomUUID()
                + "', now() - interval '1 day', now() - interval '1 day')");
        UUID oldEvent = UUID.randomUUID();
        UUID freshEvent = UUID.randomUUID();
        sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('retention-it', '" + oldEvent
                + "', now() - interval '31 days'), ('retention-it', '" + freshEvent + "', now())");
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(91);
        sql("INSERT INTO unknown_account_attempt (day, kind, attempts) VALUES ('" + longAgo + "', 'LOGIN', 3)"
                + " ON CONFLICT DO NOTHING");
        double before = purged("refresh_token");

        Map<String, Long> counts = purge.purgeOnce().block(Duration.ofSeconds(30));

        assertThat(counts)
                .containsKeys(
                        "refresh_token",
                        "user_session",
                        "password_reset_token",
                        "mfa_challenge",
                        "processed_event",
                        "unknown_account_attempt");
        assertThat(count("SELECT count(*) AS n FROM refresh_token WHERE token_hash = '"
                        + OpaqueToken.hashOf(old.refreshToken()) + "'"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM refresh_token WHERE token_hash = '"
                        + OpaqueToken.hashOf(current.refreshToken()) + "'"))
                .isOne();
        assertThat(count("SELECT count(*) AS n FROM user_session WHERE user_id = '" + userId + "'"))
                .as("the session of the purged token went with it; the current one stays")
                .isOne();
        assertThat(count("SELECT count(*) AS n FROM password_reset_token WHERE id = '" + oldReset + "'"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM password_reset_token WHERE id = '" + freshReset + "'"))
                .isOne();
        assertThat(count("SELECT count(*) AS n FROM processed_event WHERE event_id = '" + oldEvent + "'"))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM processed_event WHERE event_id = '" + freshEvent + "'"))
                .isOne();
        assertThat(count("SELECT count(*) AS n FROM unknown_account_attempt WHERE day = '" + longAgo + "'"))
                .isZero();
        assertThat(purged("refresh_token") - before).isGreaterThanOrEqualTo(1);
        AuthFixtures.refresh(client, current.refreshToken()).expectStatus().isOk();
    }

    private double purged(String table) {
        return meters.get(RetentionPurge.METRIC).tag("table", table).counter().count();
    }

    private void sql(String sql) {
        db.sql(sql).then().block();
    }

    private long count(String sql) {
        return db.sql(sql).map(r -> r.get("n", Long.class)).one().block();
    }
}
