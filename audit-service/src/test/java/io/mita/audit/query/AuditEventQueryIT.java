package io.mita.audit.query;

import static io.mita.audit.AuditApi.expectProblem;
import static io.mita.audit.AuditEventFixtures.BUDGET_TOPIC;
import static io.mita.audit.AuditEventFixtures.TEST_TOPIC;
import static io.mita.audit.AuditEventFixtures.aBudgetEvent;
import static io.mita.audit.AuditEventFixtures.aSubject;
import static io.mita.audit.AuditEventFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.mita.audit.AuditApi;
import io.mita.audit.AuditApi.Item;
import io.mita.audit.AuditApi.Page;
import io.mita.audit.TestEventPublisher;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

@MitaIntegrationTest
class AuditEventQueryIT {

    private static TestEventPublisher publisher;

    @Autowired
    private WebTestClient web;

    private AuditApi compliance() {
        return new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"));
    }

    @BeforeAll
    static void topics() throws Exception {
        publisher = TestEventPublisher.forTopics(TEST_TOPIC, BUDGET_TOPIC);
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void aComplianceOfficerFindsAnEventBySubjectWithEveryAttributeAndItsJsonData() throws Exception {
        String subject = aSubject();
        CloudEvent event = aBudgetEvent(subject).build();
        publisher.publish(BUDGET_TOPIC, event);

        Page page = compliance().awaitSearch("subject=" + subject, 1);

        Item item = page.items().get(0);
        assertThat(item.eventId()).hasToString(event.getId());
        assertThat(item.source()).isEqualTo("/mita/budget");
        assertThat(item.type()).isEqualTo("mita.budget.transaction.created.v1");
        assertThat(item.subject()).isEqualTo(subject);
        assertThat(item.actorId()).isEqualTo(subject);
        assertThat(item.correlationId()).isEqualTo(event.getExtension("correlationid"));
        assertThat(item.occurredAt()).isEqualTo(event.getTime().toInstant());
        assertThat(item.receivedAt()).isAfterOrEqualTo(item.occurredAt().minusSeconds(1));
        assertThat(item.data()).containsEntry("amount", "12.50").containsEntry("currency", "EUR");
        assertThat(page.nextCursor()).isNull();
        assertThat(compliance().get(item.eventId())).isEqualTo(item);
        compliance()
                .call("/api/audit/events/" + event.getId())
                .expectBody()
                .jsonPath("$.occurredAt")
                .isEqualTo(event.getTime().toInstant().toString())
                .jsonPath("$.data.amount")
                .isEqualTo("12.50")
                .jsonPath("$.seq")
                .doesNotExist()
                .jsonPath("$.topic")
                .doesNotExist();
    }

    @Test
    void typeAndSourceNarrowASubjectsEvents() throws Exception {
        String subject = aSubject();
        CloudEvent test = anEvent(subject).build();
        CloudEvent budget = aBudgetEvent(subject).build();
        publisher.publish(TEST_TOPIC, test);
        publisher.publish(BUDGET_TOPIC, budget);
        compliance().awaitSearch("subject=" + subject, 2);

        assertThat(compliance()
                        .search("subject=" + subject + "&type=mita.budget.transaction.created.v1")
                        .eventIds())
                .containsExactly(UUID.fromString(budget.getId()));
        assertThat(compliance()
                        .search("subject=" + subject + "&source=/mita/test")
                        .eventIds())
                .containsExactly(UUID.fromString(test.getId()));
        assertThat(compliance()
                        .search("subject=" + subject + "&type=mita.nothing.v1")
                        .items())
                .isEmpty();
    }

    @Test
    void aCorrelationIdFindsEverythingOneRequestCausedAcrossSubjects() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        CloudEvent first = anEvent(aSubject())
                .withExtension("correlationid", correlationId)
                .build();
        CloudEvent second = aBudgetEvent(aSubject())
                .withExtension("correlationid", correlationId)
                .build();
        CloudEvent unrelated = anEvent(aSubject()).build();
        publisher.publish(TEST_TOPIC, first, unrelated);
        publisher.publish(BUDGET_TOPIC, second);

        Page page = compliance().awaitSearch("correlationId=" + correlationId, 2);

        assertThat(page.eventIds())
                .containsExactlyInAnyOrder(UUID.fromString(first.getId()), UUID.fromString(second.getId()));
    }

    @Test
    void anActorFindsWhatTheyDidToOtherUsers() throws Exception {
        String actor = UUID.randomUUID().toString();
        CloudEvent onAlice = anEvent(aSubject()).withExtension("actorid", actor).build();
        CloudEvent onBob = anEvent(aSubject()).withExtension("actorid", actor).build();
        CloudEvent byBobHimself = anEvent(onBob.getSubject()).build();
        publisher.publish(TEST_TOPIC, onAlice, onBob, byBobHimself);
        compliance().awaitSearch("subject=" + onBob.getSubject(), 2);

        Page page = compliance().search("actor=" + actor);

        assertThat(page.eventIds()).containsExactly(UUID.fromString(onBob.getId()), UUID.fromString(onAlice.getId()));
    }

    @Test
    void aTimeRangeIncludesFromAndExcludesToOnTheEventsOwnTime() throws Exception {
        String subject = aSubject();
        CloudEvent monday = anEvent(subject)
                .withTime(OffsetDateTime.parse("2020-01-06T10:00:00Z"))
                .build();
        CloudEvent tuesday = anEvent(subject)
                .withTime(OffsetDateTime.parse("2020-01-07T10:00:00+02:00"))
                .build();
        CloudEvent wednesday = anEvent(subject)
                .withTime(OffsetDateTime.parse("2020-01-08T10:00:00Z"))
                .build();
        publisher.publish(TEST_TOPIC, monday, tuesday, wednesday);
        compliance().awaitSearch("subject=" + subject, 3);

        assertThat(compliance()
                        .search("subject=" + subject + "&from=2020-01-06T10:00:00Z&to=2020-01-08T10:00:00Z")
                        .eventIds())
                .containsExactly(UUID.fromString(tuesday.getId()), UUID.fromString(monday.getId()));
        assertThat(compliance()
                        .search("subject=" + subject + "&from=2020-01-07T08:00:00Z")
                        .eventIds())
                .containsExactly(UUID.fromString(wednesday.getId()), UUID.fromString(tuesday.getId()));
        assertThat(compliance()
                        .search("subject=" + subject + "&to=2020-01-07T08:00:00Z")
                        .eventIds())
                .containsExactly(UUID.fromString(monday.getId()));
    }

    @Test
    void aNarrowTimeWindowIsReadNewestStoredFirstAndItsCursorContinuesWithoutGapsOrRepeats() throws Exception {
        // a window of at most seven days is read by its range first (AuditEventRepository.RANGE_FIRST_WINDOW); the
        // order stays the log's (seq), which here runs against the events' own times
        String subject = aSubject();
        CloudEvent[] events = new CloudEvent[5];
        for (int i = 0; i < events.length; i++) {
            events[i] = anEvent(subject)
                    .withTime(OffsetDateTime.parse("2020-02-10T12:00:00Z").minusHours(i))
                    .build();
        }
        CloudEvent outside = anEvent(subject)
                .withTime(OffsetDateTime.parse("2020-02-20T12:00:00Z"))
                .build();
        publisher.publish(TEST_TOPIC, events);
        publisher.publish(TEST_TOPIC, outside);
        compliance().awaitSearch("subject=" + subject, 6);
        List<UUID> newestStoredFirst = new ArrayList<>(
                Arrays.stream(events).map(e -> UUID.fromString(e.getId())).toList());
        Collections.reverse(newestStoredFirst);
        String window = "subject=" + subject + "&from=2020-02-09T00:00:00Z&to=2020-02-11T00:00:00Z&limit=2";

        Page first = compliance().search(window);
        Page second = compliance().search(window + "&cursor=" + first.nextCursor());
        Page last = compliance().search(window + "&cursor=" + second.nextCursor());

        assertThat(first.eventIds()).isEqualTo(newestStoredFirst.subList(0, 2));
        assertThat(second.eventIds()).isEqualTo(newestStoredFirst.subList(2, 4));
        assertThat(last.eventIds()).isEqualTo(newestStoredFirst.subList(4, 5));
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void pagesRunNewestFirstAndTheCursorContinuesWithoutGapsOrRepeats() throws Exception {
        String subject = aSubject();
        CloudEvent[] events =
                Stream.generate(() -> anEvent(subject).build()).limit(5).toArray(CloudEvent[]::new);
        publisher.publish(TEST_TOPIC, events);
        compliance().awaitSearch("subject=" + subject, 5);
        List<UUID> newestFirst = new ArrayList<>(
                Arrays.stream(events).map(e -> UUID.fromString(e.getId())).toList());
        Collections.reverse(newestFirst);

        Page first = compliance().search("subject=" + subject + "&limit=2");
        Page second = compliance().search("subject=" + subject + "&limit=2&cursor=" + first.nextCursor());
        Page last = compliance().search("subject=" + subject + "&limit=2&cursor=" + second.nextCursor());

        assertThat(first.eventIds()).isEqualTo(newestFirst.subList(0, 2));
        assertThat(second.eventIds()).isEqualTo(newestFirst.subList(2, 4));
        assertThat(last.eventIds()).isEqualTo(newestFirst.subList(4, 5));
        assertThat(first.nextCursor()).isNotNull().isNotEqualTo(second.nextCursor());
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void aPageExactlyAsLongAsTheLimitHasNoNextCursor() throws Exception {
        String subject = aSubject();
        publisher.publish(TEST_TOPIC, anEvent(subject).build(), anEvent(subject).build());
        compliance().awaitSearch("subject=" + subject, 2);

        assertThat(compliance().search("subject=" + subject + "&limit=2").nextCursor())
                .isNull();
    }

    @Test
    void personalDataIsMaskedBeforeStorageAndTheEventIsFoundByTheEmailItHeld() throws Exception {
        String subject = aSubject();
        String email = "jane." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        CloudEvent event = anEvent(subject)
                .withData(
                        "application/json",
                        ("{\"email\":\"" + email + "\",\"Password\":\"hunter2\","
                                        + "\"profile\":{\"card_number\":\"4111111111111111\","
                                        + "\"notes\":[\"paid with 4111 1111 1111 1111\"]}}")
                                .getBytes(StandardCharsets.UTF_8))
                .build();
        publisher.publish(TEST_TOPIC, event);

        Item found = compliance().awaitSearch("email=" + email, 1).items().get(0);

        assertThat(found.eventId()).isEqualTo(UUID.fromString(event.getId()));
        assertThat(found.data())
                .containsEntry("email", "j***@example.com")
                .containsEntry("Password", "[REDACTED]")
                .containsEntry(
                        "profile",
                        java.util.Map.of(
                                "card_number", "[REDACTED]", "notes", List.of("paid with **** **** **** 1111")));
        assertThat(compliance()
                        .search("email=" + email.toUpperCase(java.util.Locale.ROOT))
                        .eventIds())
                .containsExactly(found.eventId());
        assertThat(compliance()
                        .search("email=someone.else@example.com&subject=" + subject)
                        .items())
                .isEmpty();
        assertThat(found.toString()).doesNotContain(email, "hunter2", "4111111111111111");
        expectProblem(
                compliance().call("/api/audit/events?email=not-an-address"),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
    }

    @Test
    void theWholeStoryOfOneCorrelationIdComesOldestFirstAcrossTopics() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        CloudEvent first = anEvent(aSubject())
                .withExtension("correlationid", correlationId)
                .build();
        CloudEvent second = aBudgetEvent(aSubject())
                .withExtension("correlationid", correlationId)
                .build();
        CloudEvent third = anEvent(aSubject())
                .withExtension("correlationid", correlationId)
                .build();
        publisher.publish(TEST_TOPIC, first);
        compliance().awaitSearch("correlationId=" + correlationId, 1);
        publisher.publish(BUDGET_TOPIC, second);
        compliance().awaitSearch("correlationId=" + correlationId, 2);
        publisher.publish(TEST_TOPIC, third);
        compliance().awaitSearch("correlationId=" + correlationId, 3);

        List<Item> story = compliance()
                .call("/api/audit/events/story/" + correlationId)
                .expectStatus()
                .isOk()
                .expectBodyList(Item.class)
                .returnResult()
                .getResponseBody();

        assertThat(story)
                .extracting(Item::eventId)
                .containsExactly(
                        UUID.fromString(first.getId()),
                        UUID.fromString(second.getId()),
                        UUID.fromString(third.getId()));
    }

    @Test
    void everyAccessIsItselfRecordedInTheLogWithWhoAndWhichFilters() throws Exception {
        UUID officer = UUID.randomUUID();
        AuditApi asOfficer = new AuditApi(web, TestTokens.forUser(officer, "COMPLIANCE"));
        String subject = aSubject();
        CloudEvent event = anEvent(subject).build();
        publisher.publish(TEST_TOPIC, event);
        compliance().awaitSearch("subject=" + subject, 1);

        asOfficer.search("subject=" + subject + "&email=looked.for@example.com");
        asOfficer.get(UUID.fromString(event.getId()));

        Page accesses = compliance().search("type=mita.audit.log.accessed.v1&actor=" + officer);
        assertThat(accesses.items()).hasSize(2);
        Item search = accesses.items().get(1);
        assertThat(search.subject()).isEqualTo(officer.toString());
        assertThat(search.source()).isEqualTo("/mita/audit-service");
        assertThat(search.data()).containsEntry("action", "search");
        assertThat(search.data().get("details").toString())
                .contains("subject=" + subject)
                .contains("l***@example.com")
                .doesNotContain("looked.for");
        assertThat(accesses.items().get(0).data())
                .containsEntry("action", "read")
                .containsEntry("details", java.util.Map.of("eventId", event.getId()));
        assertThat(search.data().get("searchedEmailHashes").toString()).matches("\\[[0-9a-f]{64}]");
        assertThat(compliance().search("email=looked.for@example.com").items())
                .as("a search by an address finds the events that held it, not the searches for it")
                .isEmpty();
    }

    @Test
    void anUnknownEventIdIsNotFound() {
        expectProblem(
                compliance().call("/api/audit/events/" + UUID.randomUUID()),
                HttpStatus.NOT_FOUND,
                "AUDIT_EVENT_NOT_FOUND");
    }

    @Test
    void anEventIdThatIsNotAUuidIsAValidationFailure() {
        expectProblem(compliance().call("/api/audit/events/not-a-uuid"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void aMalformedCursorIsRejectedWithItsOwnCode() {
        expectProblem(
                compliance().call("/api/audit/events?cursor=bm90LWEtY3Vyc29y"),
                HttpStatus.BAD_REQUEST,
                "AUDIT_INVALID_CURSOR");
        expectProblem(
                compliance().call("/api/audit/events?cursor=YXVkaXQ6eA"),
                HttpStatus.BAD_REQUEST,
                "AUDIT_INVALID_CURSOR");
    }

    @Test
    void badTimesAndLimitsAreValidationFailures() {
        expectProblem(
                compliance().call("/api/audit/events?from=yesterday"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        expectProblem(
                compliance().call("/api/audit/events?to=2020-01-01"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        expectProblem(
                compliance().call("/api/audit/events?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z"),
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED");
        expectProblem(compliance().call("/api/audit/events?limit=501"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        expectProblem(compliance().call("/api/audit/events?limit=0"), HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
    }

    @Test
    void anOrdinaryUserMayNotReadTheAuditLog() {
        AuditApi user = new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "USER"));

        expectProblem(user.call("/api/audit/events"), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        expectProblem(user.call("/api/audit/events/" + UUID.randomUUID()), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
        expectProblem(user.call("/api/audit/events?cursor=garbage"), HttpStatus.FORBIDDEN, "AUTH_FORBIDDEN");
    }

    @Test
    void withoutATokenTheAuditLogAnswersUnauthenticated() {
        expectProblem(web.get().uri("/api/audit/events").exchange(), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
        expectProblem(
                web.get().uri("/api/audit/events/" + UUID.randomUUID()).exchange(),
                HttpStatus.UNAUTHORIZED,
                "AUTH_UNAUTHENTICATED");
    }
}
