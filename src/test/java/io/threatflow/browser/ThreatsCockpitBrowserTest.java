package io.threatflow.browser;

import static io.threatflow.browser.BrowserSupport.COCKPIT;
import static io.threatflow.browser.BrowserSupport.TASKLIST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.kpi.KpiService;
import io.threatflow.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The "Threats" Cockpit plugin in Chromium: a manager sees the KPIs exactly as {@link KpiService} reports
 * them for the window shown, follows a remediation case to its timeline; others see no KPIs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThreatsCockpitBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final By NAVIGATION = By.cssSelector("a.tf-navigation");
    private static final By REPORT = By.cssSelector(".tf-report");

    @Autowired
    TestRestTemplate http;
    @Autowired
    KpiService kpis;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void shouldShowManagerTheKpisThatKpiServiceReportsForTheChosenWindow() throws Exception {
        ApiClient analyst = new ApiClient(http, "analyst");
        String falsePositive = analyst.report(Map.of("title", "Telnet seen on kpi-browser-01", "type", "EXPOSED_SERVICE",
                "asset", "kpi-browser-01.corp", "port", 23));
        analyst.submit(analyst.awaitTask(falsePositive, "Task_TriageThreat"),
                Map.of("falsePositive", true, "severity", "LOW", "triageNotes", "honeypot"));
        analyst.awaitClosed(falsePositive, "FALSE_POSITIVE");
        for (String severity : List.of("HIGH", "MEDIUM")) {
            String open = analyst.report(Map.of("title", "FTP open on kpi-browser-" + severity, "type", "EXPOSED_SERVICE",
                    "asset", "kpi-browser-" + severity.toLowerCase() + ".corp", "port", 21, "severity", severity));
            analyst.awaitTask(open, "Task_TriageThreat");
        }

        browser.login("manager", COCKPIT);
        browser.visible(By.cssSelector(".tf-summary [data-kpi='overall.reported']"));
        browser.step("start dashboard with the threat summary");

        browser.click(NAVIGATION);
        browser.visible(REPORT);
        browser.step("threats dashboard, last 30 days");
        assertThat(window()).isEqualTo(Duration.ofDays(30));

        List<String> mismatches = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            // a case of an earlier test may move on between page and report: look again, on a fresh page
            chooseWindow(7);
            mismatches = figuresUnlikeTheReport();
            if (mismatches.isEmpty()) {
                break;
            }
        }
        browser.step("threats dashboard, last 7 days");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.visible(By.cssSelector("svg.tf-chart")));
        browser.step("open backlog by severity and age");
        assertThat(window()).isEqualTo(Duration.ofDays(7));
        assertThat(mismatches).isEmpty();
        assertThat(shown("overall.reported")).isGreaterThanOrEqualTo(3);
        assertThat(shown("overall.outcomes.FALSE_POSITIVE")).isGreaterThanOrEqualTo(1);
        assertThat(browser.texts(".tf-backlog [data-backlog] th")).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW");
        assertThat(browser.driver().findElements(By.cssSelector("svg.tf-chart text"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(browser.texts(".tf-times tbody th")).containsExactly("MTTA", "MTTC", "MTTR");
        assertThat(browser.texts(".tf-steps tbody th"))
                .containsExactly("Identify", "Respond", "Investigate", "Eradicate", "Validate");
    }

    @Test
    void shouldLeadManagerFromARemediationCaseToItsTimeline() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String title = "<img src=x onerror=alert(1)> SMB open on timeline-browser-01";
        String threatId = analyst.report(Map.of("title", title, "type", "EXPOSED_SERVICE",
                "asset", "timeline-browser-01.corp", "port", 445, "severity", "HIGH"));
        analyst.awaitTask(threatId, "Task_TriageThreat");
        String processInstanceId = (String) analyst.threat(threatId).get("processInstanceId");

        browser.login("manager", COCKPIT);
        browser.open(COCKPIT, "#/process-instance/" + processInstanceId + "/runtime");
        browser.visible(By.cssSelector(".djs-container [data-element-id='Task_TriageThreat']"));
        browser.step("remediation case");

        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Threat timeline']"));
        WebElement timeline = browser.visible(By.cssSelector(".tf-timeline"));
        browser.step("its timeline");

        assertThat(timeline.getAttribute("data-threat-id")).isEqualTo(threatId);
        assertThat(browser.texts(".tf-threat-title")).containsExactly(title);
        assertThat(browser.texts(".tf-threat-severity")).containsExactly("HIGH");
        assertThat(browser.texts(".tf-threat-status")).containsExactly("OPEN");
        assertThat(browser.texts(".tf-timeline-table tbody tr[data-kind='REPORTED'] td:nth-child(3)"))
                .containsExactly("Threat reported");
        assertThat(browser.driver().findElements(
                By.cssSelector(".tf-timeline-table tbody tr[data-element='Task_TriageThreat']"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".tf-timeline img"))).isEmpty();
    }

    @Test
    void shouldShowAnalystNoKpis() {
        browser.login("analyst", TASKLIST);
        browser.open(COCKPIT, "#/threats");
        // Camunda's webapp security refuses the analyst's session the whole of Cockpit, in words (access.WebappRefusalPage)
        browser.until(driver -> driver.getPageSource().contains("Cockpit is not open to you"));
        browser.step("analyst: Cockpit refused");
        assertThat(browser.driver().findElements(NAVIGATION)).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("[data-kpi]"))).isEmpty();
        // the Tasklist session does reach the plugin API, which refuses the KPIs
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/camunda/api/cockpit/plugin/threats/default/kpis?days=7', {credentials: 'same-origin'})
                  .then(response => done(response.status), error => done(String(error)));""");
        assertThat(status).isEqualTo(403L);
    }

    @Test
    void shouldShowModelerTheThreatsPageWithoutKpis() {
        browser.login("modeler", COCKPIT);
        // the header offers modelers no Threats (GuidingTasklistBrowserTest); the page itself still refuses the KPIs
        browser.visible(By.cssSelector("body[data-tf-navigation='settled']"));
        assertThat(browser.driver().findElements(NAVIGATION)).isEmpty();
        browser.open(COCKPIT, "#/threats");
        browser.visible(By.cssSelector(".tf-refused"));
        browser.step("modeler: threats page without KPIs");
        assertThat(browser.driver().findElements(By.cssSelector("[data-kpi]"))).isEmpty();
    }

    @Test
    void shouldShowManagerTheAcceptedRisks_withTheirStateInWords_andFilterThem() {
        String threatId = new ApiClient(http, "analyst").report(Map.of("title", "RDP exposed on risk-browser-01",
                "type", "EXPOSED_SERVICE", "asset", "risk-browser-01.corp", "port", 3389));
        jdbc.sql("""
                insert into risk_acceptance (threat_id, accepted_by, review_date, comment, accepted_at)
                values (?, 'manager', ?, 'filtered at the edge', ?)""")
                .params(threatId, java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2),
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(40)).update();
        try {
            browser.login("manager", COCKPIT);
            browser.click(By.cssSelector("a.tf-risks-navigation"));
            By row = By.cssSelector(".tf-risks-table tr[data-threat-id='" + threatId + "']");
            WebElement risk = browser.visible(row);
            browser.step("manager: accepted risks");
            assertThat(risk.getText()).contains("RDP exposed on risk-browser-01", "risk-browser-01.corp",
                    "filtered at the edge", "Overdue: review due").doesNotContain("OVERDUE");

            browser.click(By.cssSelector(".tf-risk-states button[data-state='EXPIRING_SOON']"));
            browser.until(driver -> driver.findElements(row).isEmpty());
            browser.click(By.cssSelector(".tf-risk-states button[data-state='OVERDUE']"));
            browser.visible(row);
        } finally {
            jdbc.sql("update risk_acceptance set ended_at = accepted_at, ended_as = 'SENT_BACK' where threat_id = ?")
                    .param(threatId).update();
        }
    }

    private void chooseWindow(int days) {
        By button = By.cssSelector(".tf-windows button[data-days='" + days + "']");
        browser.click(button);
        browser.until(driver -> driver.findElement(button).getAttribute("class").contains("active")
                && !driver.findElements(REPORT).isEmpty()
                && Duration.ofDays(days).equals(window()));
    }

    private Duration window() {
        WebElement report = browser.visible(REPORT);
        return Duration.between(Instant.parse(report.getAttribute("data-from")), Instant.parse(report.getAttribute("data-to")));
    }

    /** Every count on the page against the report KpiService makes for the window the page shows. */
    private List<String> figuresUnlikeTheReport() throws Exception {
        WebElement page = browser.visible(REPORT);
        JsonNode report = json.readTree(json.writeValueAsString(kpis.report(
                Instant.parse(page.getAttribute("data-from")), Instant.parse(page.getAttribute("data-to")))));
        @SuppressWarnings("unchecked")
        List<List<String>> figures = (List<List<String>>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('.tf-report [data-kpi]'))"
                        + ".map(e => [e.getAttribute('data-kpi'), e.innerText.trim()]);");
        assertThat(figures).hasSizeGreaterThan(50);
        List<String> mismatches = new ArrayList<>();
        for (List<String> figure : figures) {
            JsonNode expected = report.at("/" + figure.get(0).replace('.', '/'));
            String value = expected.isMissingNode() || expected.isNull() ? "0" : expected.asText();
            if (!value.equals(figure.get(1))) {
                mismatches.add(figure.get(0) + ": page " + figure.get(1) + ", KpiService " + value);
            }
        }
        return mismatches;
    }

    private long shown(String path) {
        return Long.parseLong(browser.driver().findElement(By.cssSelector(".tf-report [data-kpi='" + path + "']")).getText().trim());
    }
}
