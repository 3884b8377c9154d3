package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The compliance console in a real headless browser (Debian's chromium), through the gateway of the running stack: a
 * compliance officer signs in, filters, opens an event, follows its correlation id and sees the integrity check
 * pass; an ordinary user who signs in sees "not allowed" and none of the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceConsoleE2E {

    static final String REGISTERED = "mita.auth.user.registered.v1";

    private final MobileApp app = new MobileApp();
    private MobileApp.Account officer;
    private MobileApp.Account user;
    private MobileApp.Account alice;
    private Map<?, ?> alicesRegistration;
    private final LocalDateTime startedAt = LocalDateTime.now();
    private ChromeDriver browser;
    private ComplianceConsole console;

    @BeforeAll
    void anAdminMakesAnOfficerAndAlicesRegistrationReachesTheLog() {
        officer = app.register("officer");
        user = app.register("user");
        alice = app.register("alice");
        String adminToken = app.login(MobileApp.ADMIN_EMAIL, MobileApp.ADMIN_PASSWORD);
        app.grantRoles(adminToken, officer.userId(), List.of("USER", "COMPLIANCE"));
        // through the API first, so the browser's search finds it at once
        alicesRegistration = app.awaitAuditEvent(app.login(officer), alice.userId(), REGISTERED);
        assertThat(alicesRegistration.get("correlationId")).isNotNull();
        browser = HeadlessChromium.start(app.clientIp);
        console = new ComplianceConsole(browser);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerFiltersOpensAnEventFollowsItsCorrelationIdAndSeesTheIntegrityCheckPass() {
        String eventId = (String) alicesRegistration.get("eventId");
        String correlationId = (String) alicesRegistration.get("correlationId");

        console.open().signIn(officer.email(), officer.password());
        console.awaitWorkspace();
        assertThat(console.signedInAs()).isEqualTo(officer.email());
        assertThat(console.storedOutsideMemory())
                .as("the token stays in the page's memory")
                .isEqualTo("{}{}");

        console.filterBySubjectAndType(alice.userId().toString(), REGISTERED);
        assertThat(console.awaitRows(1)).containsExactly(eventId);
        assertThat(console.exportLink("csv"))
                .startsWith("/api/audit/events/export?")
                .contains("subject=" + alice.userId(), "type=" + REGISTERED, "format=csv");

        console.openEvent(eventId);
        assertThat(console.detail("Type")).isEqualTo(REGISTERED);
        assertThat(console.detail("Subject")).isEqualTo(alice.userId().toString());
        assertThat(console.detail("Correlation id")).isEqualTo(correlationId);
        assertThat(console.eventData()).contains("\"userId\": \"" + alice.userId() + "\"");

        assertThat(console.followCorrelationId(correlationId)).contains(eventId);

        // the records of this test's time: the stack's log may hold millions from earlier runs and benchmarks
        ComplianceConsole.IntegrityShown integrity = console.runIntegrityCheckSince(startedAt.minusMinutes(5));
        assertThat(integrity.intact()).as(integrity.text()).isTrue();
        assertThat(integrity.text()).startsWith("Intact").containsPattern("\\b[1-9][0-9]* records and");

        assertThat(pageProblems())
                .as("the page ran under the gateway's policy without a violation")
                .isEmpty();
    }

    @Test
    void aUserWhoSignsInSeesNotAllowedAndNoneOfTheLog() {
        console.open().signIn(user.email(), user.password());

        assertThat(console.awaitNotAllowed()).contains("Not allowed", "compliance staff");
        assertThat(console.workspaceShown()).isFalse();
    }

    @Test
    void thePageComesThroughTheGatewayWithoutATokenUnderThePagePolicy() {
        app.http
                .get()
                .uri("/audit/console/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/html;charset=UTF-8")
                .expectHeader()
                .valueEquals("Cache-Control", "no-cache")
                .expectHeader()
                .valueMatches("Content-Security-Policy", "default-src 'none'; script-src 'self';.*trusted-types 'none'")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY");
    }

    /** Console messages about the page's policy: a blocked script, style or call, a Trusted Types refusal. */
    private List<String> pageProblems() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Trusted"))
                .toList();
    }
}
