package io.mita.e2e;

import java.io.File;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromium-driver}: both paths are set, so
 * Selenium Manager never tries to download a browser or a driver (this machine and CI reach no such site). {@code
 * .ci/run} installs both packages; {@code MITA_E2E_CHROMIUM} and {@code MITA_E2E_CHROMEDRIVER} point elsewhere.
 */
final class HeadlessChromium {

    static final String BROWSER = System.getenv().getOrDefault("MITA_E2E_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("MITA_E2E_CHROMEDRIVER", "/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /**
     * A new browser whose every request carries {@code X-Forwarded-For: clientIp}: loopback is a trusted proxy in
     * the test stack, so the browser is a client address of its own, as each {@link MobileApp} is.
     */
    static ChromeDriver start(String clientIp) {
        for (String binary : new String[] {BROWSER, DRIVER}) {
            if (!new File(binary).canExecute()) {
                throw new IllegalStateException(binary + " is missing: apt-get install chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // --no-sandbox: the suite runs as root, where chromium's sandbox refuses to start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=1400,1000");
        // the page's console messages (CSP and Trusted Types violations land there)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand(
                    "Network.setExtraHTTPHeaders",
                    Map.<String, Object>of("headers", Map.of("X-Forwarded-For", clientIp)));
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
        return driver;
    }
}
