package io.mita.e2e;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The compliance console as its user sees it in the browser: what there is to click, fill in and read. */
final class ComplianceConsole {

    static final String URL = MobileApp.GATEWAY + "/audit/console/";

    private final WebDriver browser;
    // the stack shares two cores with the suite and the browser: generous waits, never timed assertions
    private final WebDriverWait wait;

    ComplianceConsole(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Loads the page afresh: whatever session the tab had is gone (the token lives in the page's memory). */
    ComplianceConsole open() {
        browser.get(URL);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        return this;
    }

    void signIn(String email, String password) {
        type("login-email", email);
        type("login-password", password);
        browser.findElement(By.id("login-submit")).click();
    }

    void awaitWorkspace() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
    }

    /** The "not allowed" panel's text, once it shows. */
    String awaitNotAllowed() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-allowed")))
                .getText();
    }

    boolean workspaceShown() {
        return browser.findElement(By.id("workspace")).isDisplayed();
    }

    String signedInAs() {
        return browser.findElement(By.id("signed-in-as")).getText();
    }

    void filterBySubjectAndType(String subject, String type) {
        type("filter-subject", subject);
        type("filter-type", type);
        browser.findElement(By.id("search")).click();
    }

    /** The event ids of the result rows, once exactly {@code count} rows show for the last search. */
    List<String> awaitRows(int count) {
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#events-body tr"), count));
        return browser.findElements(By.cssSelector("#events-body tr")).stream()
                .map(row -> row.getDomAttribute("data-event-id"))
                .toList();
    }

    void openEvent(String eventId) {
        browser.findElement(By.cssSelector("#events-body tr[data-event-id='" + eventId + "'] .open-event"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-detail")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-field='Event id']"), eventId));
    }

    String detail(String field) {
        return browser.findElement(By.cssSelector("dd[data-field='" + field + "']"))
                .getText();
    }

    String eventData() {
        return browser.findElement(By.cssSelector("#event-detail pre.event-data"))
                .getText();
    }

    String exportLink(String format) {
        return browser.findElement(By.id("export-" + format)).getDomAttribute("href");
    }

    /** Follows the open event's correlation id and answers the event ids of its story, oldest first. */
    List<String> followCorrelationId(String correlationId) {
        browser.findElement(By.id("follow-correlation")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("story")));
        wait.until(ExpectedConditions.textToBe(By.id("story-id"), correlationId));
        return browser.findElements(By.cssSelector("#story-list li")).stream()
                .map(item -> item.getDomAttribute("data-event-id"))
                .toList();
    }

    /**
     * Runs the integrity check over the records received since {@code from} (the browser's local time, which is this
     * machine's); answers whether it says intact, and its text.
     */
    IntegrityShown runIntegrityCheckSince(LocalDateTime from) {
        // a datetime-local field takes typed keys in the browser's locale order; its value property is ISO everywhere
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        browser.findElement(By.id("integrity-from")),
                        from.truncatedTo(ChronoUnit.SECONDS).toString());
        browser.findElement(By.id("run-integrity")).click();
        // the check may take a while on a loaded machine
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#integrity-result[data-intact]")));
        return new IntegrityShown(Boolean.parseBoolean(result.getDomAttribute("data-intact")), result.getText());
    }

    record IntegrityShown(boolean intact, String text) {}

    /** Everything the page keeps outside its memory: local and session storage and cookies. */
    String storedOutsideMemory() {
        return String.valueOf(((JavascriptExecutor) browser)
                .executeScript(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;"));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
