package io.mita.audit.query;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.audit.trail.AccessTrail;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The compliance API with an in-memory audit log: who may read it, and the problem+json refusals. */
@MitaWebFluxTest(AuditEventController.class)
@Import(AuditEventControllerTest.InMemoryAuditLog.class)
class AuditEventControllerTest {

    static final UUID STORED = UUID.randomUUID();
    static final String SUBJECT = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryAuditLog {

        @Bean
        AuditEventService auditEventService(JsonMapper jsonMapper) {
            StoredAuditEvent event = new StoredAuditEvent(
                    7,
                    STORED,
                    "/mita/auth",
                    "mita.auth.user.registered.v1",
                    SUBJECT,
                    SUBJECT,
                    "corr-1",
                    Instant.parse("2026-01-15T09:30:00Z"),
                    Instant.parse("2026-01-15T09:30:01Z"),
                    "{\"userId\":\"" + SUBJECT + "\"}",
                    false);
            List<StoredAuditEvent> log = List.of(event);
            StoredAuditEvents stored = new StoredAuditEvents() {
                @Override
                public Flux<StoredAuditEvent> find(AuditEventFilter filter, Long beforeSeq, int limit) {
                    return Flux.fromIterable(log).take(limit);
                }

                @Override
                public Flux<StoredAuditEvent> story(String correlationId) {
                    return Flux.fromIterable(log).filter(e -> correlationId.equals(e.correlationId()));
                }

                @Override
                public Mono<StoredAuditEvent> findById(UUID eventId) {
                    return Flux.fromIterable(log)
                            .filter(e -> e.eventId().equals(eventId))
                            .next();
                }
            };
            return new AuditEventService(stored, jsonMapper);
        }

        @Bean
        RecordingTrail accessTrail() {
            return new RecordingTrail();
        }
    }

    /** The access records the controller made, in order. */
    static class RecordingTrail implements AccessTrail {

        final List<String> records = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> record(UUID userId, String action, Map<String, String> details) {
            return Mono.fromRunnable(() -> records.add(userId + " " + action + " " + new TreeMap<>(details)));
        }
    }

    @Autowired
    RecordingTrail trail;

    @Test
    void everySearchReadAndStoryIsRecordedWithItsCallerAndFiltersBeforeItIsAnswered() {
        trail.records.clear();
        UUID officer = UUID.randomUUID();
        String token = TestTokens.forUser(officer, "COMPLIANCE");

        web.get()
                .uri("/api/audit/events?subject=" + SUBJECT + "&email=jane@example.com&limit=5")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/api/audit/events/" + STORED)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/api/audit/events/story/corr-1")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].eventId")
                .isEqualTo(STORED.toString())
                .jsonPath("$.length()")
                .isEqualTo(1);

        org.assertj.core.api.Assertions.assertThat(trail.records)
                .containsExactly(
                        officer + " search {email=jane@example.com, limit=5, subject=" + SUBJECT + "}",
                        officer + " read {eventId=" + STORED + "}",
                        officer + " story {correlationId=corr-1}");
    }

    @Test
    void refusedRequestsAreNotAnsweredAndLeaveNoAccessRecord() {
        trail.records.clear();
        web.get()
                .uri("/api/audit/events/story/corr-1")
                .header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID(), "USER"))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/audit/events?limit=0")
                .header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"))
                .exchange()
                .expectStatus()
                .isBadRequest();

        org.assertj.core.api.Assertions.assertThat(trail.records).isEmpty();
    }

    @Autowired
    WebTestClient web;

    @Test
    void aComplianceOfficerReadsAnEventWithItsPayload() {
        asCompliance("/api/audit/events/" + STORED)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("mita.auth.user.registered.v1")
                .jsonPath("$.data.userId")
                .isEqualTo(SUBJECT);
    }

    @Test
    void aComplianceOfficerSearchesPageByPage() {
        asCompliance("/api/audit/events?subject=" + SUBJECT + "&limit=1")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].eventId")
                .isEqualTo(STORED.toString());
    }

    @Test
    void anOrdinaryUserIs403() {
        expectProblem(
                web.get()
                        .uri("/api/audit/events")
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                        .exchange(),
                403,
                "AUTH_FORBIDDEN");
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        expectProblem(web.get().uri("/api/audit/events").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    @Test
    void anUnknownEventIs404() {
        expectProblem(asCompliance("/api/audit/events/" + UUID.randomUUID()), 404, "AUDIT_EVENT_NOT_FOUND");
    }

    @Test
    void badQueryParametersAre400ValidationFailed() {
        expectProblem(asCompliance("/api/audit/events/not-a-uuid"), 400, "VALIDATION_FAILED");
        expectProblem(asCompliance("/api/audit/events?limit=0"), 400, "VALIDATION_FAILED");
        expectProblem(asCompliance("/api/audit/events?from=yesterday"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aCursorThisApiDidNotMakeIs400InvalidCursor() {
        expectProblem(asCompliance("/api/audit/events?cursor=bm90LWEtY3Vyc29y"), 400, "AUDIT_INVALID_CURSOR");
    }

    private WebTestClient.ResponseSpec asCompliance(String uri) {
        return web.get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE")))
                .exchange();
    }
}
