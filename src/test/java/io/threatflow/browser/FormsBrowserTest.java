package io.threatflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.inventory.Asset;
import io.threatflow.inventory.Criticality;
import io.threatflow.inventory.InventoryService;
import io.threatflow.inventory.NetworkState;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.CaseSteps;
import io.threatflow.testing.FormCodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/**
 * An analyst and a manager open each form of real cases in Tasklist and read words: no code a choice sends, no BPMN
 * id, no regular expression, in the labels or in the values the server wrote; each decision form shows its context;
 * no decision comes with a default or with the answer that just failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormsBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };
    private static final Set<String> CODES = FormCodes.values();

    @Autowired
    TestRestTemplate http;
    @Autowired
    InventoryService inventory;

    ApiClient analyst;
    ApiClient manager;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        manager = new ApiClient(http, "manager");
    }

    @Test
    void analystReadsTriageInvestigationAndClosureInWords_withTheirContext_andFindsTheReport() {
        String asset = "browser-forms-" + UUID.randomUUID().toString().substring(0, 6) + ".corp";
        inventory.add(new Asset(null, asset, "10.99.18." + (1 + new java.util.Random().nextInt(250)), "Ubuntu", "24.04",
                true, NetworkState.CONNECTED, Criticality.MEDIUM, "hr-it", true, false, false, false, Set.of(443, 8443),
                Set.of(), Set.of(), false, Set.of()));
        String threatId = analyst.report(Map.of("title", "Old library on " + asset, "type", "VULNERABILITY",
                "asset", asset, "cve", "CVE-2099-18001", "port", 8443, "severity", "MEDIUM",
                "description", "The nightly scan found libfoo 1.2 on the admin console"));

        String triage = analyst.awaitTask(threatId, "Task_TriageThreat");
        Tasklist tasklist = Tasklist.loginAs(browser, "analyst");
        openForm(tasklist, "Analyst tasks", triage, "triage form");
        assertThat(tasklist.value("Threat type")).isEqualTo("Vulnerability");
        assertThat(tasklist.value("Asset criticality")).isEqualTo("Medium");
        assertThat(tasklist.value("What was reported")).contains("Reported by: analyst", "Their severity estimate: Medium",
                "Port: 8443", "The nightly scan found libfoo 1.2 on the admin console");
        assertThat(tasklist.value("Due times")).containsPattern("Triage by \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
                .contains("Contain by ", "Resolve by ");
        assertThat(tasklist.value("SSVC decision")).doesNotContain("Track*");
        assertThat(tasklist.formText()).doesNotContain("Prefilled by the decision");
        wordsOnly(tasklist, "triage");
        analyst.submit(triage, Map.of("falsePositive", false, "severity", "MEDIUM",
                "triageNotes", "Seen by two scanners"));

        String investigation = analyst.awaitTask(threatId, "Task_InvestigateThreat");
        openForm(tasklist, "Analyst tasks", investigation, "investigation form");
        assertThat(tasklist.value("Severity")).isEqualTo("Medium");
        assertThat(tasklist.value("CVE id")).isEqualTo("CVE-2099-18001");
        assertThat(tasklist.value("CISA KEV catalogue")).contains("CVE-2099-18001");
        assertThat(tasklist.value("Triage notes")).isEqualTo("Seen by two scanners");
        assertThat(tasklist.value("Evidence"))
                .containsPattern("^Evidence taken \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, investigation round 1\\.")
                .contains("- Open ports: 443, 8443", "- Blocked ports: none").doesNotContain("[", "unknown OS ,");
        assertThat(browser.driver().findElements(By.xpath("//label[normalize-space()='Why it was sent back']")))
                .as("a first investigation was not sent back").isEmpty();
        wordsOnly(tasklist, "investigation");
        analyst.submit(investigation, Map.of("rootCause", "outdated package", "eliminable", true,
                "remediationAction", "PATCH_SOFTWARE"));

        String closure = analyst.awaitTask(threatId, "Task_ConfirmClosure");
        openForm(tasklist, "Analyst tasks", closure, "closure form");
        assertThat(tasklist.value("Remediation action")).isEqualTo("Patch the software");
        wordsOnly(tasklist, "closure");
        WebElement pdf = browser.visible(By.linkText("PDF"));
        assertThat(pdf.getDomProperty("href")).endsWith("/threats/" + threatId + "/report?format=pdf");
        assertThat(fetch(pdf.getDomProperty("href"))).startsWith("200 application/pdf");
        assertThat(fetch(browser.visible(By.linkText("Markdown")).getDomProperty("href")))
                .startsWith("200 text/markdown");
        assertThat(fetch(browser.visible(By.linkText("HTML")).getDomProperty("href"))).startsWith("200 text/html");
    }

    @Test
    void managerDecidesWithoutDefaults_andAFailedDecisionIsNotOfferedAgain() {
        String asset = "browser-forms-mgr-" + UUID.randomUUID().toString().substring(0, 6) + ".corp";
        String threatId = CaseSteps.awaitingApproval(analyst, asset);
        String approval = manager.awaitTask(threatId, "Task_ApproveEradication");

        Tasklist tasklist = Tasklist.loginAs(browser, "manager");
        openForm(tasklist, "Manager tasks", approval, "approval form");
        assertThat(tasklist.value("Proposed action")).isEqualTo("Upgrade the operating system");
        assertThat(tasklist.value("Severity")).isEqualTo("Medium");
        assertThat(tasklist.value("CISA KEV catalogue")).isEqualTo("No CVE reported.");
        assertThat(tasklist.value("Evidence")).startsWith("Evidence taken ");
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form-field-radio input[type='radio']:checked")))
                .as("the decision has no default").isEmpty();
        wordsOnly(tasklist, "approval");
        manager.submit(approval, Map.of("eradicationDecision", "APPROVED", "approvalComment", "go"));

        // the unknown asset refuses the upgrade: mitigation, then the residual risk comes to the managers
        String review = manager.awaitTask(threatId, "Task_ReviewResidualRisk");
        openForm(tasklist, "Manager tasks", review, "residual risk form");
        assertThat(tasklist.field("I accept the residual risk").isSelected()).isFalse();
        wordsOnly(tasklist, "residual risk review");
        manager.submit(review, Map.of("residualRiskAccepted", false, "refusalFollowUp", "STRONGER_MEASURES",
                "reviewComment", "isolate it instead"));

        String second = secondReview(threatId, review, tasklist);
        openForm(tasklist, "Manager tasks", second, "second residual risk form", true);
        assertThat(tasklist.value("The last review"))
                .isEqualTo("manager refused the residual risk and asked for stronger measures: isolate it instead");
        assertThat(tasklist.value("Comment")).as("the refusal is not pre-filled").isEmpty();
        tasklist.tick("I accept the residual risk", true);
        WebElement date = tasklist.field("Review again by");
        assertThat(date.getAttribute("type")).as("an ISO date is typed, not picked in the browser's locale")
                .isEqualTo("text");
        tasklist.tick("I accept the residual risk", false);
        assertThat(tasklist.value("Follow-up")).as("the failed follow-up is not pre-filled").isIn("", "Select");
        wordsOnly(tasklist, "second residual risk review");
        manager.submit(second, Map.of("residualRiskAccepted", false, "refusalFollowUp", "REINVESTIGATE",
                "reviewComment", "the vendor has a fix since Tuesday"));

        String reinvestigation = analyst.awaitTask(threatId, "Task_InvestigateThreat");
        browser.driver().manage().deleteAllCookies();
        Tasklist analystTasklist = Tasklist.loginAs(browser, "analyst");
        openForm(analystTasklist, "Analyst tasks", reinvestigation, "re-investigation form");
        assertThat(analystTasklist.value("Why it was sent back"))
                .isEqualTo("manager refused the residual risk and sent the threat back: the vendor has a fix since Tuesday");
        assertThat(analystTasklist.value("Remediation action")).as("the refused action is not offered again")
                .isIn("", "Select");
        assertThat(analystTasklist.value("Evidence")).contains("investigation round 2", "Last action: Upgrade the OS");
        wordsOnly(analystTasklist, "re-investigation");
    }

    /** Works the stronger measures' approvals (each opened and read first) until the next residual risk review. */
    private String secondReview(String threatId, String firstReview, Tasklist tasklist) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (Map<String, Object> task : tasks(threatId)) {
                String id = (String) task.get("id");
                if ("Task_ApproveMeasure".equals(task.get("taskDefinitionKey"))) {
                    openForm(tasklist, "Manager tasks", id, "measure approval form");
                    wordsOnly(tasklist, "measure approval");
                    manager.submit(id, Map.of("measureDecision", "APPROVED", "measureDecisionComment", "go"));
                } else if ("Task_ReviewResidualRisk".equals(task.get("taskDefinitionKey")) && !firstReview.equals(id)) {
                    return id;
                }
            }
            return null;
        }, id -> id != null);
    }

    private List<Map<String, Object>> tasks(String threatId) {
        return http.withBasicAuth("manager", ApiClient.PASSWORD).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + threatId, HttpMethod.GET, null, JSON_LIST).getBody();
    }

    /** Puts the task first in its queue, opens its form from the filter and waits for the case's values. */
    private void openForm(Tasklist tasklist, String filter, String taskId, String step) {
        openForm(tasklist, filter, taskId, step, false);
    }

    private void openForm(Tasklist tasklist, String filter, String taskId, String step, boolean claim) {
        Tasklist.putFirstInQueue(http, taskId);
        tasklist.showFilter(filter, taskId);
        if (claim) {
            tasklist.openAndClaim(taskId);
        } else {
            tasklist.open(taskId);
        }
        loaded(tasklist);
        browser.step(step);
    }

    /** Waits until the form shows the case's values (its title), not just its labels. */
    private static void loaded(Tasklist tasklist) {
        browser.until(driver -> !tasklist.value(tasklist.hasField("Title") ? "Title" : "Threat").isBlank());
    }

    private static void wordsOnly(Tasklist tasklist, String form) {
        String text = tasklist.formText();
        assertThat(FormCodes.in(text, CODES)).as("the %s form shows codes:%n%s", form, text).isEmpty();
        assertThat(text).as("the %s form", form).doesNotContain("Task_", "Gateway_", "StartEvent_");
    }

    /** Status and content type of a GET with the page's session, as the link gets them. */
    private static String fetch(String url) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))"
                        + ".catch(e => done(String(e)));", url);
    }
}
