package io.mita.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.OwnerSql;
import io.mita.audit.ingest.TestAppender;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Least privilege: the service's own connection (the application's {@link DatabaseClient}) is a role that owns
 * nothing. PostgreSQL itself refuses it every UPDATE, DELETE, TRUNCATE, ALTER and DROP, before any trigger runs;
 * it may only INSERT and SELECT, and reaches the monthly partitions (V5) only through their partitioned tables: it
 * can neither read, change, detach nor drop one directly, and drops a month only through the owner's function,
 * which refuses a month without a verified archive or younger than 90 days.
 */
@MitaIntegrationTest
class LeastPrivilegeIT {

    @Autowired
    private DatabaseClient service;

    @Autowired
    private ApplicationContext context;

    @Value("${mita.service.database}")
    private String database;

    @BeforeEach
    void storeAnEvent() {
        TestAppender.append(context, "least-privilege", 1);
    }

    @Test
    void theServiceConnectsAsItsOwnRoleThatIsNeitherTheOwnerNorASuperuser() {
        String role = single("SELECT current_user AS value", String.class);
        OwnerSql owner = new OwnerSql(database);

        assertThat(role).isEqualTo("mita_audit_service");
        assertThat(owner.scalar("SELECT rolsuper FROM pg_roles WHERE rolname = ?", role))
                .isEqualTo(false);
        assertThat(owner.scalar(
                        "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                                + " WHERE r.rolname = ?",
                        role))
                .as("relations the service role owns")
                .isEqualTo(0L);
    }

    @Test
    void theServiceMayInsertAndSelect() {
        UUID id = UUID.randomUUID();
        service.sql("""
                        INSERT INTO processed_event (consumer, event_id) VALUES ('least-privilege-it', :id)""").bind("id", id).then().block(Duration.ofSeconds(10));

        assertThat(single("SELECT count(*) AS value FROM audit_event", Long.class))
                .isPositive();
        assertThat(single(
                        "SELECT count(*) AS value FROM processed_event WHERE consumer = 'least-privilege-it'",
                        Long.class))
                .isEqualTo(1L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "UPDATE audit_event SET subject = 'x'                  | permission denied",
                "DELETE FROM audit_event                               | permission denied",
                "TRUNCATE audit_event                                  | permission denied",
                "ALTER TABLE audit_event ADD COLUMN forged text        | must be owner",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL           | must be owner",
                "DROP TABLE audit_event                                | must be owner",
                "UPDATE audit_chain SET hash = prev_hash               | permission denied",
                "DELETE FROM audit_chain                               | permission denied",
                "TRUNCATE audit_chain                                  | permission denied",
                "ALTER TABLE audit_chain DROP CONSTRAINT audit_chain_pkey | must be owner",
                "UPDATE audit_digest SET event_count = 0               | permission denied",
                "DELETE FROM audit_digest                              | permission denied",
                "TRUNCATE audit_digest                                 | permission denied",
                "ALTER TABLE audit_digest RENAME TO old_digests        | must be owner",
                "DROP TRIGGER audit_event_no_update_or_delete ON audit_event | must be owner",
                "SELECT count(*) FROM flyway_schema_history            | permission denied",
                "DELETE FROM subject_key                               | permission denied",
                "UPDATE subject_key SET wrapped_key = 'x'              | permission denied",
                "TRUNCATE subject_erasure                              | permission denied",
                "CREATE TABLE forged (id int)                          | permission denied"
            })
    void postgresRefusesTheServiceEveryStatementThatChangesOrRemovesHistory(String statement, String refusal) {
        assertRefused(statement, refusal);
    }

    private void assertRefused(String statement, String refusal) {
        Throwable failure = null;
        try {
            service.sql(statement).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            failure = e;
        }

        assertThat(failure).as(statement).isNotNull();
        assertThat(messages(failure)).as(statement).contains(refusal);
        assertThat(single("SELECT count(*) AS value FROM audit_event", Long.class))
                .isPositive();
    }

    /** This month's partition of the log ({partition}) and of the chain ({chain}), which the ingest just wrote to. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT count(*) FROM {partition}                          | permission denied",
                "DELETE FROM {partition}                                   | permission denied",
                "UPDATE {chain} SET hash = prev_hash                        | permission denied",
                "TRUNCATE {partition}                                      | permission denied",
                "DROP TABLE {partition}                                    | must be owner",
                "DROP TABLE {chain}                                        | must be owner",
                "ALTER TABLE audit_event DETACH PARTITION {partition}      | must be owner",
                "ALTER TABLE {partition} DISABLE TRIGGER ALL               | must be owner",
                "CREATE TABLE forged PARTITION OF audit_event FOR VALUES FROM ('2001-01-01') TO ('2001-02-01') | permission denied",
                "SELECT audit_create_month_partition('2001-01-01')         | permission denied",
                "SELECT audit_drop_archived_month(date_trunc('month', now())::date) | less than 90 days ago",
                "UPDATE audit_retention_cut SET last_hash = previous_hash  | permission denied",
                "DELETE FROM audit_retention_cut                           | permission denied"
            })
    void postgresRefusesTheServiceEveryStatementThatChangesOrDropsAPartition(String statement, String refusal) {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        String suffix = String.format("_y%04dm%02d", month.getYear(), month.getMonthValue());
        String sql =
                statement.replace("{partition}", "audit_event" + suffix).replace("{chain}", "audit_chain" + suffix);
        long before = single("SELECT count(*) AS value FROM audit_event", Long.class);

        assertRefused(sql, refusal);

        assertThat(single("SELECT count(*) AS value FROM audit_event", Long.class))
                .isEqualTo(before);
    }

    @Test
    void theServiceMayOnlyCreateTheComingMonthsPartitionsThroughTheOwnersFunction() {
        assertThat(single("SELECT audit_ensure_partitions(2) AS value", Integer.class))
                .isGreaterThanOrEqualTo(0);
        OwnerSql owner = new OwnerSql(database);
        assertThat(owner.scalar("SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                        + " WHERE r.rolname = 'mita_audit_service'"))
                .as("relations the service role owns after creating partitions")
                .isEqualTo(0L);
    }

    private <T> T single(String sql, Class<T> type) {
        return service.sql(sql).map(row -> row.get("value", type)).one().block(Duration.ofSeconds(10));
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return String.join(" / ", messages);
    }
}
