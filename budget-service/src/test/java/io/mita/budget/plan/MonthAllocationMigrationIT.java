package io.mita.budget.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.testsupport.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V9_3 on a database that has months in {@code daily_allocation} (a row per day): every month comes out of
 * {@code month_allocation} with the same amounts (a day without its row as 0), the old table is gone, the stored
 * dashboard's data version is not bumped by the copy but is by a later write, and the new table's checks refuse an
 * array that is not the month's days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthAllocationMigrationIT {

    private static final String ALICE = "'00000000-0000-0000-0000-00000000000a'";
    private static final String BOB = "'00000000-0000-0000-0000-00000000000b'";

    private DataSource dataSource;

    @BeforeAll
    void migrateToV9_2WithDailyRowsThenOn() {
        dataSource = new DriverManagerDataSource(
                PostgresTestDatabase.jdbcUrl(PostgresTestDatabase.create("month_allocation")),
                PostgresTestDatabase.user(),
                PostgresTestDatabase.password());
        flyway().target("9.2").load().migrate();
        execute("""
                INSERT INTO daily_allocation (user_id, month, category, day, amount_minor)
                SELECT %1$s::uuid, DATE '2026-12-01', 'groceries', DATE '2026-12-01' + d - 1, 1000 + d
                FROM generate_series(1, 31) AS d
                UNION ALL
                SELECT %1$s::uuid, DATE '2026-12-01', 'dining', DATE '2026-12-01' + d - 1, 500
                FROM generate_series(1, 31) AS d WHERE d <> 5
                UNION ALL
                SELECT %2$s::uuid, DATE '2027-02-01', 'other', DATE '2027-02-01' + d - 1, 10 * d
                FROM generate_series(1, 28) AS d""".formatted(ALICE, BOB));
        assertThat(query("SELECT count(*) FROM daily_allocation")).containsExactly("89");
        assertThat(query("SELECT version FROM dashboard_data_version ORDER BY user_id"))
                .containsExactly("1", "1");

        flyway().load().migrate();
    }

    @Test
    void everyMonthReadsTheSameAmountsAsARowPerCategoryAndTheDailyRowsAreGone() {
        assertThat(query("SELECT user_id || ' ' || month || ' ' || category || ' ' || amounts::text"
                        + " FROM month_allocation ORDER BY user_id, month, category"))
                .containsExactly(
                        "00000000-0000-0000-0000-00000000000a 2026-12-01 dining " + amounts(31, 500, 5),
                        "00000000-0000-0000-0000-00000000000a 2026-12-01 groceries " + series(31, 1000, 1),
                        "00000000-0000-0000-0000-00000000000b 2027-02-01 other " + series(28, 0, 10));
        assertThat(query("SELECT to_regclass('daily_allocation') IS NULL")).containsExactly("t");
    }

    @Test
    void theCopyKeepsTheDataVersionsAndALaterWriteBumpsItsUsers() {
        assertThat(query("SELECT version FROM dashboard_data_version WHERE user_id = " + BOB))
                .containsExactly("1");

        execute("UPDATE month_allocation SET amounts = amounts WHERE user_id = " + BOB);

        assertThat(query("SELECT version FROM dashboard_data_version WHERE user_id = " + BOB))
                .containsExactly("2");
    }

    @Test
    void aMonthOfTheWrongLengthANegativeOrAMissingAmountIsRefused() {
        String insert = "INSERT INTO month_allocation (user_id, month, category, amounts) VALUES (" + ALICE
                + ", DATE '2027-02-01', 'groceries', ";
        assertThatThrownBy(() -> execute(insert + "array_fill(1::bigint, ARRAY[31]))"))
                .hasMessageContaining("month_allocation_one_per_day");
        assertThatThrownBy(() -> execute(insert + "array_fill(1::bigint, ARRAY[28]) || ARRAY[1]::bigint[])"))
                .hasMessageContaining("month_allocation_one_per_day");
        assertThatThrownBy(() -> execute(insert + "array_fill(-1::bigint, ARRAY[28]))"))
                .hasMessageContaining("month_allocation_not_negative");
        assertThatThrownBy(() -> execute(insert + "array_fill(NULL::bigint, ARRAY[28]))"))
                .hasMessageContaining("month_allocation_no_null");
    }

    /** {@code days} amounts, {@code amount} each but 0 on day {@code missing}, as PostgreSQL writes a bigint[]. */
    private static String amounts(int days, long amount, int missing) {
        List<String> month = new ArrayList<>(Collections.nCopies(days, String.valueOf(amount)));
        month.set(missing - 1, "0");
        return "{" + String.join(",", month) + "}";
    }

    /** {@code days} amounts, {@code base + step × day}. */
    private static String series(int days, long base, long step) {
        List<String> month = new ArrayList<>();
        for (int day = 1; day <= days; day++) {
            month.add(String.valueOf(base + step * day));
        }
        return "{" + String.join(",", month) + "}";
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/mita-common", "classpath:db/migration")
                .outOfOrder(true);
    }

    private List<String> query(String sql) {
        return new JdbcTemplate(dataSource).queryForList(sql, String.class);
    }

    private void execute(String sql) {
        new JdbcTemplate(dataSource).execute(sql);
    }
}
