package io.threatflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawCodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist that guides (issue 16 item 4), in Chromium: each group on its own queue, task names that carry the
 * threat, severity, KEV and "Overdue" on the cards in words, nothing offered that fails for the role, no banner of
 * another product, a page in words where Cockpit or Admin is not open to the user, and a link to the new case after
 * a start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GuidingTasklistBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final By CARD_MARKS = By.cssSelector(".tasks-list li.task .tf-card-marks");

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldGuideAnalyst_throughTheQueueWithTheThreatOnEachCard() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "RDP exposed", "type", "EXPOSED_SERVICE",
                "asset", "guide-legacy-hr-01.corp", "port", 3389, "severity", "HIGH"));
        String triageTask = analyst.awaitTask(threatId, "Task_TriageThreat");
        // due in 2001: first in the queue, and overdue
        Tasklist.putFirstInQueue(http, triageTask);

        Tasklist tasklist = Tasklist.loginAs(browser, "analyst");
        assertThat(tasklist.activeFilter()).as("an analyst lands on the analysts' queue").isEqualTo("Analyst tasks");
        tasklist.showFilter("Analyst tasks", triageTask);
        WebElement card = browser.visible(By.xpath("//li[contains(@class,'task')][.//a[@href='#/?task=" + triageTask
                + "']]"));
        WebElement marks = browser.until(driver -> {
            List<WebElement> found = card.findElements(By.cssSelector(".tf-card-marks"));
            return found.isEmpty() ? null : found.get(0);
        });
        browser.step("analyst queue with marks");

        assertThat(card.findElement(By.cssSelector("h4.task a")).getText())
                .isEqualTo("Triage threat: RDP exposed on guide-legacy-hr-01.corp");
        assertThat(marks.findElements(By.cssSelector(".tf-mark")).stream().map(WebElement::getText))
                .contains("Overdue", "Known exploited: no")
                .anyMatch(text -> text.startsWith("Severity: "));
        assertThat(card.getAttribute("class")).contains("tf-overdue-card");
        assertThat(browser.visible(By.cssSelector("[cam-sorting-choices]")).getText())
                .as("the sort control names the order the queue has").contains("Due date").doesNotContain("Created");
        assertThat(RawCodes.in(String.join(" ", browser.texts(".tasks-list li.task")))).isEmpty();

        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .as("no banner that asks to move to another product").allMatch(banner -> !banner.isDisplayed());
        assertThat(browser.driver().findElements(By.cssSelector("li.create-task-action")))
                .as("analysts may not create tasks outside a case").allMatch(item -> !item.isDisplayed());
    }

    @Test
    void shouldOfferCreateTask_onlyToWhomItWorks() {
        Tasklist.loginAs(browser, "admin");
        browser.until(driver -> driver.findElement(By.cssSelector("li.create-task-action")).isDisplayed());
        browser.step("administrator: Create task offered");
        assertThat(browser.driver().findElement(By.cssSelector("li.create-task-action")).getText()).contains("Create task");
    }

    @Test
    void shouldExplainInWords_whenAnAnalystOpensCockpitOrAdmin() {
        Tasklist.loginAs(browser, "analyst");
        for (String app : List.of("cockpit", "admin")) {
            browser.open(app, "");
            WebElement heading = browser.visible(By.cssSelector("body.tf-refusal h1"));
            browser.step(app + " refused in words");
            String title = app.equals("cockpit") ? "Cockpit" : "Admin";
            assertThat(heading.getText()).isEqualTo("ThreatFlow: " + title + " is not open to you");
            assertThat(browser.visible(By.cssSelector(".tf-groups")).getText()).contains("(camunda-admin)");
            assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("\"status\"");
            browser.click(By.cssSelector("a.tf-to-tasklist"));
            browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter"));
        }
    }

    @Test
    void shouldOfferThreatsAndHumanTasksInCockpit_toManagers() {
        browser.login("manager", BrowserSupport.COCKPIT);
        browser.visible(By.cssSelector("a.tf-navigation"));
        browser.step("manager: Threats offered");

        browser.open(BrowserSupport.COCKPIT, "#/tasks");
        browser.until(driver -> ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType("
                + "'resource').some(e => e.name.includes('/task/report/candidate-group-count'))"));
        browser.visible(By.cssSelector("body[data-tf-navigation='settled']"));
        browser.step("manager: Human Tasks");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("permission");
    }

    @Test
    void shouldOfferNoThreatsInCockpit_toModelers() {
        browser.login("modeler", BrowserSupport.COCKPIT);
        browser.visible(By.cssSelector("body[data-tf-navigation='settled']"));
        browser.step("modeler: no Threats");
        assertThat(browser.driver().findElements(By.cssSelector("a.tf-navigation"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("a.tf-risks-navigation"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("The threat KPIs are for managers");
    }

    @Test
    void shouldLinkTheNewCase_afterAStartFromTasklist() {
        Tasklist.loginAs(browser, "analyst");
        // what Tasklist's start form sends, from the page with its session: the plugin follows Tasklist's own requests
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
                const request = new XMLHttpRequest();
                request.open('POST', '/camunda/api/engine/engine/default/process-definition/key/threat-remediation/submit-form');
                request.setRequestHeader('Content-Type', 'application/json');
                request.setRequestHeader('Accept', 'application/json');
                request.setRequestHeader('X-XSRF-TOKEN', token);
                request.onload = () => done(request.status);
                request.send(JSON.stringify({variables: {
                  threatTitle: {value: 'Telnet open on guide-start-01', type: 'String'},
                  threatType: {value: 'EXPOSED_SERVICE', type: 'String'},
                  assetName: {value: 'guide-start-01.corp', type: 'String'},
                  port: {value: 23, type: 'Long'},
                  reportedSeverity: {value: 'MEDIUM', type: 'String'}}}));""");
        assertThat(status).isEqualTo(200L);

        WebElement notice = browser.visible(By.cssSelector(".tf-started"));
        browser.step("start confirmed with the case");
        assertThat(notice.getText()).contains("Threat case started: Telnet open on guide-start-01");
        String threatId = browser.visible(By.cssSelector(".tf-started .tf-started-id")).getText();
        String casePage = browser.visible(By.cssSelector(".tf-started a.tf-started-case")).getAttribute("href");
        assertThat(casePage).endsWith("/threats/" + threatId);

        browser.driver().get(casePage);
        browser.until(driver -> driver.getPageSource().contains("Telnet open on guide-start-01"));
        browser.step("the new case's page");
    }
}
