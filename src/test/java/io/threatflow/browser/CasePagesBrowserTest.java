package io.threatflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawCodes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An analyst and a manager in a real browser: from Tasklist to the Threats list, filter it, open a case page,
 * read the report; the "Case" tab on a task; Cockpit's way to the case page. No page shows a raw code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CasePagesBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();


    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;

    ApiClient analyst;
    String asset;

    @BeforeEach
    void caseAtInvestigation() {
        analyst = new ApiClient(http, "analyst");
        asset = "browser-case-" + UUID.randomUUID().toString().substring(0, 6) + ".corp";
        inventory.add(new Asset(null, asset, "10.99.17." + (1 + new java.util.Random().nextInt(250)), "Ubuntu", "24.04", true, NetworkState.CONNECTED,
                Criticality.MEDIUM, "hr-it", true, false, false, false, Set.of(443), Set.of(), Set.of(), false, Set.of()));
    }

    @Test
    void analystFindsTheThreatOpensItsCaseAndReadsTheReport() {
        analyst.report(Map.of("title", "SMB open on " + asset, "type", "EXPOSED_SERVICE", "asset", asset,
                "port", 445, "severity", "LOW"));
        String threatId = analyst.report(Map.of("title", "Log4Shell on " + asset, "type", "VULNERABILITY",
                "asset", asset, "cve", "CVE-2021-44228", "severity", "HIGH", "source", "nightly-scan",
                "description", "JNDI lookup answered from the internet"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"),
                Map.of("falsePositive", false, "severity", "HIGH", "triageNotes", "reachable from the internet"));
        String investigation = analyst.awaitTask(threatId, "Task_InvestigateThreat");

        Tasklist.putFirstInQueue(http, investigation);
        Tasklist tasklist = Tasklist.loginAs(browser, "analyst");
        tasklist.showFilter("Analyst tasks", investigation).open(investigation);
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Case']"));
        assertThat(browser.visible(By.cssSelector(".tf-case-title")).getText()).isEqualTo("Log4Shell on " + asset);
        browser.step("case tab in tasklist");

        browser.click(By.cssSelector("a.tf-threats-link"));
        browser.visible(By.id("tf-threats"));
        browser.driver().findElement(By.id("tf-filter-asset")).sendKeys(asset);
        new Select(browser.driver().findElement(By.id("tf-filter-severity"))).selectByVisibleText("High");
        browser.click(By.id("tf-apply"));
        browser.until(ExpectedConditions.textToBe(By.id("tf-count"), "1 threat"));
        assertThat(browser.texts("#tf-threats a.tf-case-link")).containsExactly("Log4Shell on " + asset);
        noCodes();
        browser.step("threats list");

        browser.click(By.cssSelector("#tf-threats a.tf-case-link"));
        assertThat(browser.visible(By.id("tf-title")).getText()).isEqualTo("Log4Shell on " + asset);
        assertThat(browser.visible(By.id("tf-decisions")).getText()).contains("Triage", "analyst",
                "reachable from the internet");
        assertThat(browser.texts("#tf-open-tasks a")).containsExactly("Investigate threat: Log4Shell on " + asset);
        assertThat(browser.visible(By.id("tf-related")).getText()).contains("SMB open on " + asset);
        noCodes();
        browser.step("case page");

        assertThat(fetch(linkTo("PDF"))).isEqualTo("200 application/pdf");
        assertThat(fetch(linkTo("Markdown"))).startsWith("200 text/markdown");
        browser.click(By.xpath("//a[contains(@class,'tf-download')][contains(.,'(HTML)')]"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Post-incident report"));
        assertThat(browser.visible(By.tagName("body")).getText()).contains("JNDI lookup answered from the internet",
                "Severity and why", "Lessons learned");
        noCodes();
        browser.step("report");
    }

    @Test
    void managerFiltersFinishedCasesAndReachesACaseFromCockpit() {
        String closed = analyst.report(Map.of("title", "Telnet seen on " + asset, "type", "EXPOSED_SERVICE",
                "asset", asset, "port", 23));
        analyst.submit(analyst.awaitTask(closed, "Task_TriageThreat"),
                Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "a honeypot"));
        analyst.awaitClosed(closed, "FALSE_POSITIVE");
        String running = analyst.report(Map.of("title", "Malware on " + asset, "type", "MALWARE", "asset", asset));
        analyst.awaitTask(running, "Task_TriageThreat");
        String processInstanceId = (String) analyst.threat(running).get("processInstanceId");

        Tasklist.loginAs(browser, "manager");
        browser.click(By.cssSelector("a.tf-threats-link"));
        browser.driver().findElement(By.id("tf-filter-asset")).sendKeys(asset);
        new Select(browser.driver().findElement(By.id("tf-filter-status"))).selectByVisibleText("False positive");
        browser.click(By.id("tf-apply"));
        browser.until(ExpectedConditions.textToBe(By.id("tf-count"), "1 threat"));
        browser.click(By.cssSelector("#tf-threats a.tf-case-link"));
        assertThat(browser.visible(By.id("tf-summary")).getText()).contains("False positive");
        assertThat(browser.visible(By.id("tf-decisions")).getText()).contains("A false positive: close the case",
                "a honeypot");
        noCodes();
        browser.step("finished case page");

        browser.open(BrowserSupport.COCKPIT, "#/process-instance/" + processInstanceId + "/runtime");
        browser.visible(By.cssSelector("a.tf-case-page"));
        String href = browser.driver().findElement(By.cssSelector("a.tf-case-page")).getAttribute("href");
        browser.driver().get(href);
        assertThat(browser.visible(By.id("tf-title")).getText()).isEqualTo("Malware on " + asset);
        assertThat(browser.visible(By.id("tf-cockpit")).getText()).isEqualTo("Open the case in Cockpit");
        browser.step("case page from cockpit");
    }

    private String linkTo(String format) {
        return browser.driver().findElement(By.xpath("//a[contains(@class,'tf-download')][contains(.,'(" + format + ")')]"))
                .getAttribute("href");
    }

    /** Status and content type of a GET with the page's session, as the download button gets them. */
    private String fetch(String url) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))"
                        + ".catch(e => done(String(e)));", url);
    }

    private void noCodes() {
        String text = browser.visible(By.tagName("body")).getText();
        List<String> codes = RawCodes.in(text);
        assertThat(codes).as(text).isEmpty();
    }
}
