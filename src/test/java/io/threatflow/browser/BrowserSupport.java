package io.threatflow.browser;

import io.threatflow.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Runs a test in a real browser: Debian's Chromium through its chromedriver, one fresh browser per test,
 * pointed at the application that the test's Spring context started. Register it as a static field after
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}:
 * <pre>{@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}</pre>
 * Without a usable Chromium the tests are skipped with a loud banner, or fail when
 * {@code THREATFLOW_REQUIRE_BROWSER=true} (CI). Every {@link #step} saves a screenshot to
 * {@code target/screenshots/<TestClass>/<test>-<nn>-<step>.png}; a failing test also leaves its last page
 * and its HTML there. Waits are explicit, on concrete elements; nothing sleeps.
 */
final class BrowserSupport implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final String REQUIRE_BROWSER = "THREATFLOW_REQUIRE_BROWSER";
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private WebDriver driver;
    private Path profile;
    private WebDriverWait wait;
    private String baseUrl;
    private Path screenshotDir;
    private String testName;
    private int stepNumber;

    @Override
    public void beforeAll(ExtensionContext context) {
        String missing = missingBrowser();
        if (missing == null) {
            return;
        }
        boolean required = "true".equalsIgnoreCase(System.getenv(REQUIRE_BROWSER));
        System.err.println("""

                ################################################################################
                #  REAL-BROWSER TESTS %s: %s
                #  %s
                #  Install them with: apt-get install -y chromium chromium-driver
                ################################################################################
                """.formatted(required ? "FAILED" : "SKIPPED", missing, context.getDisplayName()));
        if (required) {
            Assertions.fail("No usable Chromium (" + missing + ") and " + REQUIRE_BROWSER + "=true");
        }
    }

    /** @return what is missing for a real browser, or null when Chromium and its driver are there */
    static String missingBrowser() {
        return Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(binary -> !Files.isRegularFile(binary) || !Files.isExecutable(binary))
                .map(binary -> "no " + binary)
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        // aborted test by test rather than the whole class at once, so that the report counts them as skipped
        String missing = missingBrowser();
        if (missing != null) {
            Assumptions.abort("REAL-BROWSER TEST SKIPPED: " + missing);
        }
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("BrowserSupport needs @SpringBootTest(webEnvironment = RANDOM_PORT)");
        }
        baseUrl = "http://localhost:" + port;
        testName = context.getRequiredTestMethod().getName();
        screenshotDir = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(screenshotDir);
        try (Stream<Path> old = Files.list(screenshotDir)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith(testName + "-")).toList()) {
                Files.delete(file);
            }
        }
        stepNumber = 0;
        profile = Files.createTempDirectory("threatflow-chromium-");
        try {
            driver = startChromium(profile);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        wait = waiting(TIMEOUT);
    }

    private static WebDriver startChromium(Path profile) {
        // Selenium Manager must never fetch a browser or driver: both are named here
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // an alert that a page opens stays open, for the test to find, instead of being dismissed in passing
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver chromium = new ChromeDriver(service, options);
        chromium.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
        return chromium;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                step("failed");
                Files.writeString(screenshotDir.resolve(String.format("%s-%02d-failed.html", testName, stepNumber)),
                        driver.getPageSource());
            }
        } catch (IOException | WebDriverException e) {
            System.err.println("Could not save the failed page of " + testName + ": " + e);
        } finally {
            try {
                driver.quit();
            } finally {
                driver = null;
                deleteProfile();
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves a screenshot of the page as it is now, named for the step. */
    void step(String name) {
        stepNumber++;
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(screenshotDir.resolve(String.format("%s-%02d-%s.png", testName, stepNumber, slug)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a Camunda webapp ({@link #TASKLIST}, {@link #COCKPIT}) at a path of its own, e.g. {@code "#/"}. */
    void open(String app, String path) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/" + path);
    }

    /**
     * Opens the webapp's login page and submits the user's credentials. Waits only for the login form to
     * go away or an error to show; callers wait for what they expect next.
     */
    void submitLogin(String user, String app) {
        open(app, "#/login");
        // the form focuses its user name field on its own, and under load that can land while the password is typed:
        // type again until both fields hold what was typed
        until(driver -> {
            WebElement username = visible(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
            username.clear();
            username.sendKeys(user);
            WebElement password = visible(By.cssSelector("form[name='signinForm'] input[type='password']"));
            password.clear();
            password.sendKeys(ApiClient.PASSWORD);
            return user.equals(username.getDomProperty("value"))
                    && ApiClient.PASSWORD.equals(password.getDomProperty("value"));
        });
        step(app + " login as " + user);
        click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    }

    /** Logs in to the webapp and waits until the login form is gone, i.e. the user is in. */
    void login(String user, String app) {
        submitLogin(user, app);
        until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    }

    WebElement visible(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement clickable(By locator) {
        return until(ExpectedConditions.elementToBeClickable(locator));
    }

    /**
     * Clicks the element as a person would: first moves the pointer out of the way, so that no tooltip
     * of a previous hover covers the element, and scrolls it to the middle of the window, clear of the
     * webapps' fixed header and footer. When Angular replaces the element between finding and clicking it (the
     * Tasklist refreshes its list on its own), the next look finds the new one.
     */
    void click(By locator) {
        new Actions(driver).moveToLocation(0, 0).perform();
        until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tooltip")));
        until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(browser);
            if (element == null) {
                return null;
            }
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** A wait that also looks again when Angular has replaced the element it was reading. */
    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait waiting = new WebDriverWait(driver, timeout);
        waiting.ignoring(StaleElementReferenceException.class);
        return waiting;
    }

    /** The visible text of the elements, read in one script so that an Angular re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    List<String> texts(String cssSelector) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText.trim());", cssSelector);
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the Chromium profile " + profile + ": " + e);
        }
    }
}
