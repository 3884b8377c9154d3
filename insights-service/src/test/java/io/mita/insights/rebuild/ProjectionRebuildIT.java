package io.mita.insights.rebuild;

import static io.mita.testsupport.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.insights.inbound.BudgetEvents;
import io.mita.insights.inbound.PlanUpdated;
import io.mita.insights.inbound.TransactionRecorded;
import io.mita.insights.support.BudgetEventPublisher;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rebuild command replays mita.budget.v1 from its beginning into fresh projections and reaches the state the
 * live consumer built: every projection table, compared row for row (for this test's users), equal before and
 * after; a live row damaged on purpose comes back. Only an ADMIN may run it. While another member is in the live
 * consumer group (another instance, here a plain consumer) it refuses with 409 and nothing is stopped or swapped; a
 * member that joins during the replay fails the rebuild before its swap, and the live consumer goes on.
 */
@MitaIntegrationTest
// a live consumer group of this context alone (shared with RebuildCommandIT): another cached context of the test JVM
// would be another member of the group, and the rebuild would refuse
@TestPropertySource(properties = "mita.insights.consumer-group=insights-projections-rebuild-it")
class ProjectionRebuildIT {

    /** Every projection table, as text rows in a stable order. */
    static final List<String> SNAPSHOT = List.of(
            "SELECT t::text AS row FROM projected_transaction t WHERE user_id = ANY(:users) ORDER BY transaction_id",
            "SELECT p::text AS row FROM projected_plan p WHERE user_id = ANY(:users) ORDER BY user_id, month",
            "SELECT c::text AS row FROM category_month_total c WHERE user_id = ANY(:users) ORDER BY user_id, month, type, category, currency",
            "SELECT d::text AS row FROM daily_total d WHERE user_id = ANY(:users) ORDER BY user_id, day, type, currency",
            "SELECT m::text AS row FROM merchant_stat m WHERE user_id = ANY(:users) ORDER BY user_id, merchant, currency");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Value("${mita.insights.consumer-group}")
    String liveGroup;

    @Value("${spring.flyway.url}")
    String jdbcUrl;

    @Value("${spring.flyway.user}")
    String jdbcUser;

    @Value("${spring.flyway.password:}")
    String jdbcPassword;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final BudgetEventPublisher aliceBudget = new BudgetEventPublisher(alice);
    private final BudgetEventPublisher bobBudget = new BudgetEventPublisher(bob);

    @AfterEach
    void close() {
        aliceBudget.close();
        bobBudget.close();
    }

    @Test
    void theRebuiltProjectionsEqualTheLiveOnesAndRepairADamagedRow() {
        UUID aliceLast = history(aliceBudget, "Lidl");
        UUID bobLast = history(bobBudget, "Aldi");
        awaitApplied(aliceLast);
        awaitApplied(bobLast);
        List<String> live = snapshot();
        assertThat(live).as("live projections of both users").hasSizeGreaterThan(10);
        database.sql("DELETE FROM merchant_stat WHERE user_id = :user")
                .bind("user", alice)
                .then()
                .block(Duration.ofSeconds(10));
        database.sql("UPDATE category_month_total SET total = total + 1 WHERE user_id = :user")
                .bind("user", bob)
                .then()
                .block(Duration.ofSeconds(10));
        assertThat(snapshot()).isNotEqualTo(live);

        web.post()
                .uri("/api/insights/admin/projections/rebuild")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.records")
                .value(records -> assertThat(((Number) records).longValue()).isGreaterThanOrEqualTo(14))
                .jsonPath("$.applied")
                .value(applied -> assertThat(((Number) applied).longValue()).isGreaterThanOrEqualTo(14));

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void theLiveConsumerGoesOnAfterARebuild() {
        rebuild();
        UUID after = aliceBudget.publish(
                TransactionRecorded.CREATED,
                aliceBudget.transaction(
                        UUID.randomUUID(), "EXPENSE", "3.00", "coffee", LocalDate.of(2026, 6, 1), null, 0));

        await().atMost(KafkaTestBroker.patience())
                .until(() -> !database.sql("SELECT 1 FROM processed_event WHERE event_id = :id")
                        .bind("id", after)
                        .fetch()
                        .all()
                        .collectList()
                        .block(Duration.ofSeconds(10))
                        .isEmpty());
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefusedWith409() throws Exception {
        // a lock on a shadow table holds the first rebuild at its start, so the second surely meets it running
        try (Connection lock = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE rebuild_projected_transaction IN ACCESS EXCLUSIVE MODE");
            }
            // its answer is not the point (on a very loaded machine the lock may outlast the statement timeout)
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> web.post()
                    .uri("/api/insights/admin/projections/rebuild")
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                    .exchange());
            await().atMost(KafkaTestBroker.patience()).until(rebuild::isRunning);

            expectProblem(
                    web.post()
                            .uri("/api/insights/admin/projections/rebuild")
                            .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                            .exchange(),
                    409,
                    "INSIGHTS_REBUILD_RUNNING");

            lock.rollback();
            first.get(60, TimeUnit.SECONDS);
        }
        await().atMost(KafkaTestBroker.patience()).until(() -> !rebuild.isRunning());
    }

    @Test
    void anotherMemberOfTheLiveGroupRefusesTheRebuildWith409AndNothingIsSwapped() throws Exception {
        awaitApplied(history(aliceBudget, "Lidl"));
        damageAlicesMerchantStatistics();
        List<String> damaged = snapshot();
        double refusedBefore = refused("start", "other_consumers");

        try (OtherInstance other = new OtherInstance(liveGroup, BudgetEventPublisher.TOPIC)) {
            await().atMost(KafkaTestBroker.patience()).until(other::joined);

            expectProblem(
                            web.post()
                                    .uri("/api/insights/admin/projections/rebuild")
                                    .headers(h ->
                                            h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                                    .exchange(),
                            409,
                            "INSIGHTS_REBUILD_OTHER_CONSUMERS")
                    .jsonPath("$.stage")
                    .isEqualTo("start")
                    .jsonPath("$.group")
                    .isEqualTo(liveGroup)
                    .jsonPath("$.members.length()")
                    .isEqualTo(1)
                    .jsonPath("$.members[0].clientId")
                    .isEqualTo(other.clientId)
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail)
                            .contains("1 other member in consumer group " + liveGroup, other.clientId)
                            .contains("Scale insights-service to one instance"));

            assertThat(snapshot()).as("nothing swapped").isEqualTo(damaged);
            assertThat(live().isRunning())
                    .as("the live consumer was never stopped")
                    .isTrue();
            assertThat(refused("start", "other_consumers")).isEqualTo(refusedBefore + 1);
        }
        await().atMost(KafkaTestBroker.patience()).until(() -> !rebuild.isRunning());
    }

    @Test
    void aMemberThatJoinsDuringTheReplayFailsTheRebuildBeforeItsSwap() throws Exception {
        awaitApplied(history(aliceBudget, "Lidl"));
        damageAlicesMerchantStatistics();
        List<String> damaged = snapshot();
        double refusedBefore = refused("swap", "other_consumers");
        AtomicReference<OtherInstance> joined = new AtomicReference<>();

        CompletableFuture<WebTestClient.ResponseSpec> answer = rebuildHeldAfterItsStartCheck(() -> {
            joined.set(new OtherInstance(liveGroup, BudgetEventPublisher.TOPIC));
            await().atMost(KafkaTestBroker.patience()).until(joined.get()::joined);
        });

        try (OtherInstance other = joined.get()) {
            expectProblem(answer.get(5, TimeUnit.MINUTES), 409, "INSIGHTS_REBUILD_OTHER_CONSUMERS")
                    .jsonPath("$.stage")
                    .isEqualTo("swap")
                    .jsonPath("$.members[0].clientId")
                    .isEqualTo(other.clientId)
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("Nothing was swapped"));

            assertNothingSwapped(damaged);
            assertThat(refused("swap", "other_consumers")).isEqualTo(refusedBefore + 1);
        }
        assertTheLiveConsumerGoesOn();
    }

    @Test
    void aConsumerThatCommittedAndLeftDuringTheReplayFailsTheRebuildBeforeItsSwap() throws Exception {
        awaitApplied(history(aliceBudget, "Lidl"));
        damageAlicesMerchantStatistics();
        List<String> damaged = snapshot();
        double refusedBefore = refused("swap", "offsets_moved");

        // what a consumer that applied events and left again leaves behind: a committed offset that moved (written
        // by the admin API, which allows it only while the group has no member: this instance's consumer is stopped)
        CompletableFuture<WebTestClient.ResponseSpec> answer = rebuildHeldAfterItsStartCheck(() -> {
            try (Admin admin =
                    Admin.create(Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()))) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(liveGroup)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map.Entry<TopicPartition, OffsetAndMetadata> some = committed.entrySet().stream()
                        .filter(entry ->
                                entry.getValue() != null && entry.getValue().offset() > 0)
                        .findFirst()
                        .orElseThrow();
                admin.alterConsumerGroupOffsets(
                                liveGroup,
                                Map.of(
                                        some.getKey(),
                                        new OffsetAndMetadata(some.getValue().offset() - 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        });

        expectProblem(answer.get(5, TimeUnit.MINUTES), 409, "INSIGHTS_REBUILD_OTHER_CONSUMERS")
                .jsonPath("$.stage")
                .isEqualTo("swap")
                .jsonPath("$.members.length()")
                .isEqualTo(0)
                .jsonPath("$.movedOffsets")
                .isNotEmpty()
                .jsonPath("$.detail")
                .value(detail ->
                        assertThat((String) detail).contains("moved during the replay", "Nothing was swapped"));

        assertNothingSwapped(damaged);
        assertThat(refused("swap", "offsets_moved")).isEqualTo(refusedBefore + 1);
        assertTheLiveConsumerGoesOn();
    }

    /**
     * Starts a rebuild and holds it after its start check (the live consumer stopped) with a lock on a shadow table
     * while {@code whileHeld} runs; answers the rebuild's answer to come.
     */
    private CompletableFuture<WebTestClient.ResponseSpec> rebuildHeldAfterItsStartCheck(WhileHeld whileHeld)
            throws Exception {
        WebTestClient patient =
                web.mutate().responseTimeout(Duration.ofMinutes(5)).build();
        try (Connection lock = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE rebuild_projected_transaction IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<WebTestClient.ResponseSpec> answer = CompletableFuture.supplyAsync(() -> patient.post()
                    .uri("/api/insights/admin/projections/rebuild")
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                    .exchange());
            // the live consumer stops only once the start check found nobody else; the rebuild notes the group's
            // offsets after the stop, then waits for the lock to empty the shadow tables
            await().atMost(KafkaTestBroker.patience()).until(() -> rebuild.isRunning() && !live().isRunning());
            await().atMost(KafkaTestBroker.patience()).until(this::rebuildWaitsForTheShadowLock);
            try {
                whileHeld.run();
            } finally {
                lock.rollback();
            }
            return answer;
        }
    }

    private boolean rebuildWaitsForTheShadowLock() {
        return database.sql("""
                        SELECT count(*) AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                          AND query LIKE 'TRUNCATE rebuild_projected_transaction%'""").map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10)) > 0;
    }

    @FunctionalInterface
    private interface WhileHeld {
        void run() throws Exception;
    }

    /** The live projections are still {@code before} (damaged on purpose, so a swap would have shown), no shadow. */
    private void assertNothingSwapped(List<String> before) {
        assertThat(snapshot()).as("nothing swapped").isEqualTo(before);
        assertThat(database.sql("SELECT count(*) AS n FROM rebuild_projected_transaction")
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(Duration.ofSeconds(10)))
                .as("the shadow dropped")
                .isZero();
    }

    private void assertTheLiveConsumerGoesOn() {
        await().atMost(KafkaTestBroker.patience()).until(() -> !rebuild.isRunning() && live().isRunning());
        awaitApplied(aliceBudget.publish(
                TransactionRecorded.CREATED,
                aliceBudget.transaction(
                        UUID.randomUUID(), "EXPENSE", "3.00", "coffee", LocalDate.of(2026, 6, 1), null, 0)));
    }

    @Test
    void onlyAnAdminMayRebuild() {
        web.post()
                .uri("/api/insights/admin/projections/rebuild")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    /** Seven events of several kinds, with a duplicate, a stale version and a delete; answers the last id. */
    private static UUID history(BudgetEventPublisher budget, String merchant) {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 1, 5);
        budget.publish(
                PlanUpdated.TYPE,
                budget.plan(YearMonth.of(2026, 1), "2000.00", "200.00", Map.of("groceries", "300.00"), 0));
        budget.publish(
                PlanUpdated.TYPE,
                budget.plan(YearMonth.of(2026, 1), "2100.00", "200.00", Map.of("groceries", "350.00"), 1));
        budget.publish(
                TransactionRecorded.CREATED, budget.transaction(a, "EXPENSE", "12.30", "groceries", day, merchant, 0));
        var created = budget.event(
                UUID.randomUUID(),
                TransactionRecorded.CREATED,
                budget.transaction(b, "EXPENSE", "40.00", "dining", day.plusDays(1), "Cafe", 0));
        budget.publish(created);
        budget.publish(created);
        budget.publish(
                TransactionRecorded.UPDATED,
                budget.transaction(a, "EXPENSE", "13.30", "groceries", day.plusMonths(1), merchant, 1));
        budget.publish(
                TransactionRecorded.UPDATED, budget.transaction(a, "EXPENSE", "99.00", "groceries", day, merchant, 0));
        budget.publish(
                TransactionRecorded.DELETED,
                budget.transaction(b, "EXPENSE", "40.00", "dining", day.plusDays(1), "Cafe", 1));
        List<UUID> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            more.add(id);
            budget.publish(
                    TransactionRecorded.CREATED,
                    budget.transaction(
                            id,
                            i % 2 == 0 ? "EXPENSE" : "INCOME",
                            (10 + i) + ".00",
                            "misc",
                            day.plusDays(i),
                            merchant,
                            0));
        }
        return budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(UUID.randomUUID(), "EXPENSE", "1.00", "misc", day, null, 0));
    }

    private void damageAlicesMerchantStatistics() {
        database.sql("DELETE FROM merchant_stat WHERE user_id = :user")
                .bind("user", alice)
                .then()
                .block(Duration.ofSeconds(10));
    }

    private MessageListenerContainer live() {
        return listeners.getListenerContainer(BudgetEvents.LISTENER_ID);
    }

    private double refused(String stage, String reason) {
        Counter counter = meters.find("mita.insights.rebuild.refused")
                .tags("stage", stage, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> !database.sql("SELECT 1 FROM processed_event WHERE event_id = :id")
                        .bind("id", eventId)
                        .fetch()
                        .all()
                        .collectList()
                        .block(Duration.ofSeconds(10))
                        .isEmpty());
    }

    private void rebuild() {
        web.post()
                .uri("/api/insights/admin/projections/rebuild")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        for (String sql : SNAPSHOT) {
            rows.add("-- " + sql.substring(0, sql.indexOf(" WHERE")));
            rows.addAll(database.sql(sql)
                    .bind("users", new UUID[] {alice, bob})
                    .map(row -> row.get("row", String.class))
                    .all()
                    .collectList()
                    .block(Duration.ofSeconds(10)));
        }
        return rows;
    }
}
