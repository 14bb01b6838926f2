package io.threatflow.browser;

import static io.threatflow.browser.BrowserSupport.COCKPIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Managers watch the threat processes in the real Cockpit, in Chromium; analysts are kept out of it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
    private static final By PROCESSES_MENU = By.xpath("//ul[@cam-if-logged-in]//a[normalize-space()='Processes']");

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldShowManagerTheThreatProcessesInCockpit() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "Telnet open on browser-cockpit", "type", "EXPOSED_SERVICE",
                "asset", "browser-cockpit.corp", "port", 23));
        analyst.awaitTask(threatId, "Task_TriageThreat");

        browser.login("manager", COCKPIT);
        browser.visible(By.xpath("//*[contains(@class,'dashboard')]//*[normalize-space()='Process Definitions']"));
        browser.step("dashboard");

        browser.click(PROCESSES_MENU);
        browser.visible(processName("Threat remediation"));
        browser.visible(processName("Threat mitigation"));
        browser.step("processes");
        // the manager may read the cases: the reported threat counts among the running instances
        By running = By.xpath("//table//tr[.//a[normalize-space()='Threat remediation']]/td[3]");
        browser.until(driver -> driver.findElement(running).getText().trim().matches("[1-9]\\d*"));

        browser.click(processName("Threat remediation"));
        browser.visible(By.xpath("//td[contains(@class,'business-key')][normalize-space()='" + threatId + "']"));
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".djs-container [data-element-id='Task_TriageThreat']")));
        browser.step("threat remediation with the reported case");
    }

    @Test
    void shouldRefuseAnalystCockpit() {
        browser.submitLogin("analyst", COCKPIT);
        browser.visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(normalize-space(), 'Login Failed')]"));
        browser.step("login refused");
        assertThat(browser.driver().findElement(LOGIN_FORM).isDisplayed()).isTrue();

        browser.open(COCKPIT, "#/processes");
        browser.visible(LOGIN_FORM);
        browser.step("processes still behind the login");
        assertThat(browser.driver().getCurrentUrl()).contains("#/login");
        assertThat(browser.driver().findElements(By.xpath("//*[contains(text(), 'Threat remediation')]"))).isEmpty();
        assertThat(browser.driver().findElements(PROCESSES_MENU)).isEmpty();
    }

    private static By processName(String name) {
        return By.xpath("//table//td//a[normalize-space()='" + name + "']");
    }
}
