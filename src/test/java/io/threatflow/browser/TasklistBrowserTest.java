package io.threatflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.CaseSteps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/** Analysts and managers work their tasks in the real Tasklist, in Chromium, through the Camunda Forms. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    ApiClient analyst;
    ApiClient manager;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        manager = new ApiClient(http, "manager");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowAnalystOnlyAnalystTasks_andCompleteTriageThroughItsForm() {
        String otherCase = caseAwaitingApproval("browser-analyst-os.corp");
        String approvalTask = manager.awaitTask(otherCase, "Task_ApproveEradication");
        String threatId = analyst.report(Map.of("title", "Outdated OpenSSL on browser-triage", "type", "VULNERABILITY",
                "asset", "browser-triage.corp", "severity", "MEDIUM", "cvssScore", 9.8, "exploitAvailable", true,
                "attackTechniques", List.of("T1059")));
        String triageTask = analyst.awaitTask(threatId, "Task_TriageThreat");
        Tasklist.putFirstInQueue(http, triageTask);

        Tasklist tasklist = Tasklist.loginAs(browser, "analyst");
        assertThat(tasklist.filterNames()).containsExactly("Analyst tasks", "My tasks");
        tasklist.showFilter("My tasks");
        browser.step("my tasks");
        assertThat(tasklist.taskNames()).noneMatch(name -> name.startsWith("Approve eradication"));
        tasklist.showFilter("Analyst tasks", triageTask);
        browser.step("analyst tasks");
        assertThat(tasklist.taskNames()).contains("Triage threat: Outdated OpenSSL on browser-triage on browser-triage.corp")
                .noneMatch(name -> name.startsWith("Approve eradication"));
        assertThat(browser.driver().findElements(Tasklist.taskLink(approvalTask))).isEmpty();

        tasklist.openAndClaim(triageTask);
        browser.step("triage form claimed");
        assertThat(tasklist.value("Title")).isEqualTo("Outdated OpenSSL on browser-triage");
        assertThat(tasklist.value("Affected asset")).isEqualTo("browser-triage.corp");
        assertThat(tasklist.value("SSVC decision")).isEqualTo("Track closely (at least medium)");
        assertThat(tasklist.value("Why this severity"))
                .startsWith("Severity: Medium; SSVC decision: track closely (at least medium).")
                .contains("- Exploitation: Proof of concept, the report says a public exploit is available.")
                .contains("- Technical impact: Total, CVSS 9.8.")
                .contains("- Mission and well-being impact: Medium, the asset's criticality is medium.");
        assertThat(tasklist.value("MITRE ATT&CK techniques"))
                .isEqualTo("T1059 Command and Scripting Interpreter (Execution, TA0002)");
        String notes = "Internet-facing; vendor patch available, raising to high";
        tasklist.tick("False positive", false).choose("Severity", "High").type("Triage notes", notes);
        browser.step("triage form filled");
        tasklist.complete(triageTask);
        browser.step("triage completed");

        analyst.awaitTask(threatId, "Task_InvestigateThreat");
        assertThat(openTasks("analyst", threatId)).doesNotContain("Task_TriageThreat");
        Map<String, Object> threat = analyst.threat(threatId);
        assertThat(threat).containsEntry("severity", "HIGH").containsEntry("status", "OPEN");
        assertThat((Map<String, ?>) threat.get("phases")).containsKey("TRIAGED");
        assertThat(variable(threatId, "falsePositive")).isEqualTo(false);
        assertThat(variable(threatId, "triageNotes")).isEqualTo(notes);
    }

    @Test
    void shouldMoveCaseOn_whenManagerApprovesEradicationInTasklist() {
        String threatId = caseAwaitingApproval("browser-approval-os.corp");
        String approvalTask = manager.awaitTask(threatId, "Task_ApproveEradication");

        Tasklist.putFirstInQueue(http, approvalTask);
        Tasklist tasklist = Tasklist.loginAs(browser, "manager");
        assertThat(tasklist.activeFilter()).as("a manager lands on the managers' queue").isEqualTo("Manager tasks");
        tasklist.showFilter("Manager tasks", approvalTask);
        browser.step("manager tasks");
        assertThat(tasklist.taskNames()).anyMatch(name -> name.startsWith("Approve eradication: "));

        tasklist.openAndClaim(approvalTask);
        browser.step("approval form claimed");
        assertThat(tasklist.value("Affected asset")).isEqualTo("browser-approval-os.corp");
        assertThat(tasklist.value("Proposed action")).isEqualTo("Upgrade the operating system");
        assertThat(tasklist.value("Investigated by")).isEqualTo("analyst");
        String comment = "Approved for the Saturday maintenance window, change CHG-4711";
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form-field-radio input[type='radio']:checked")))
                .as("the decision has no default").isEmpty();
        tasklist.pick("Approve: carry the action out on the asset, then verify it").type("Comment", comment);
        browser.step("approval form filled");
        tasklist.complete(approvalTask);
        browser.step("approval completed");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !openTasks("manager", threatId).contains("Task_ApproveEradication"));
        assertThat(variable(threatId, "approvalDecision")).isEqualTo("APPROVED");
        assertThat(variable(threatId, "approvalComment")).isEqualTo(comment);
        assertThat(variable(threatId, "approvedBy")).isEqualTo("manager");
        // approved, the upgrade is carried out; the unmanaged asset refuses it, so the case goes to mitigation
        // and comes back to the managers for the residual risk
        manager.awaitTask(threatId, "Task_ReviewResidualRisk");
        assertThat(actions(analyst.threat(threatId)))
                .extracting(a -> a.get("action") + "/" + a.get("purpose") + "/" + a.get("status"))
                .contains("UPGRADE_OS/ERADICATION/REJECTED");
    }

    @Test
    void shouldShowMarkupInThreatTitleAsText_andRunNoScript() {
        String title = "<img src=x onerror=alert(1)>";
        String threatId = analyst.report(Map.of("title", title, "type", "VULNERABILITY", "asset", "browser-xss.corp"));
        String triageTask = analyst.awaitTask(threatId, "Task_TriageThreat");

        Tasklist.putFirstInQueue(http, triageTask);
        Tasklist tasklist = Tasklist.loginAs(browser, "analyst");
        tasklist.showFilter("Analyst tasks", triageTask);
        tasklist.open(triageTask);
        browser.until(driver -> title.equals(tasklist.value("Title")));
        // any image the page holds has loaded or failed by now, so an onerror handler would have run
        browser.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.images).every(image => image.complete);"));
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.step("triage form with markup in the title");

        assertThat(tasklist.value("Title")).isEqualTo(title);
        assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
        // the card names the threat in the task's name (remediation.NameTaskAfterThreatListener), as text
        assertThat(tasklist.taskNames()).contains("Triage threat: " + title + " on browser-xss.corp");
    }

    /** Reports an outdated OS on an unknown asset and works it through the API to the managers' approval. */
    private String caseAwaitingApproval(String asset) {
        return CaseSteps.awaitingApproval(analyst, asset);
    }

    /** The task definition keys of the case's open tasks that the user may see. */
    private List<String> openTasks(String user, String threatId) {
        List<Map<String, Object>> tasks = http.withBasicAuth(user, ApiClient.PASSWORD).exchange(
                "/engine-rest/task?processInstanceBusinessKey=" + threatId, HttpMethod.GET, null, JSON_LIST).getBody();
        return tasks.stream().map(t -> (String) t.get("taskDefinitionKey")).toList();
    }

    /** A variable of the threat's case as the history keeps it, so that it can be read after the task ended. */
    private Object variable(String threatId, String name) {
        String processInstanceId = (String) analyst.threat(threatId).get("processInstanceId");
        List<Map<String, Object>> variables = http.withBasicAuth("manager", ApiClient.PASSWORD).exchange(
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId + "&variableName=" + name,
                HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(variables).as("variable %s of %s", name, threatId).hasSize(1);
        return variables.get(0).get("value");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(Map<String, Object> threat) {
        return (List<Map<String, Object>>) threat.get("actions");
    }
}
