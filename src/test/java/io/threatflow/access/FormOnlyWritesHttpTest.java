package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.CaseSteps;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.WebappSession;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A completion writes only the fields of its task's form and a start only those of the start form, on every path
 * into the engine. Written as the analyst who wants no approval for the eradication: {@code approvalRequired=false}
 * through each way a variable gets into a case, and a read-only field of the form changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormOnlyWritesHttpTest {

    private static final Map<String, Object> INVESTIGATION = Map.of("rootCause", "end of support", "eliminable", true,
            "remediationAction", "UPGRADE_OS");

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    ApiClient analyst;
    RawApi analystApi;
    RawApi adminApi;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        analystApi = RawApi.as(http, "analyst");
        adminApi = RawApi.as(http, "admin");
    }

    @Test
    void shouldRefuseACompletionWithAFieldNotOnTheForm_namingIt_onEveryCompletionPath() {
        String task = investigation();
        String caseId = caseOf(task);
        Map<String, Object> skipApproval = variables(INVESTIGATION, Map.of("approvalRequired", false, "severity", "LOW"));

        for (String path : List.of("/submit-form", "/complete")) {
            RawApi.Answer refused = analystApi.postJson("/engine-rest/task/" + task + path, skipApproval);
            assertThat(refused.status()).as(path + ": " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).as(path).isTrue();
            assertThat(refused.errorFields()).as(path).containsExactlyInAnyOrder("approvalRequired", "severity");
            assertThat((String) refused.json().get("detail")).contains("approvalRequired", "severity", "investigate-threat");
        }
        // Tasklist: the webapps' engine API answers in Camunda's format, whose message Tasklist shows
        RawApi.Answer inTasklist = WebappSession.login(port, "analyst", "tasklist")
                .post(WebappSession.ENGINE_API + "/task/" + task + "/submit-form", skipApproval);
        assertThat(inTasklist.status()).as(inTasklist.toString()).isEqualTo(403);
        assertThat((String) inTasklist.json().get("message")).contains("approvalRequired", "severity");

        assertThat(variable(caseId, "approvalRequired")).as("decided only after investigation, by approval-policy").isNull();
        assertThat(variable(caseId, "severity")).isEqualTo("MEDIUM");
        assertThat(adminApi.get("/engine-rest/task/" + task).status()).as("the task is still open").isEqualTo(200);
    }

    @Test
    void shouldRefuseACompletionThatWritesWhatAGatewayReads_onEveryTaskOfTheWay() {
        String threatId = CaseSteps.atInvestigation(analyst, "form-rules-" + UUID.randomUUID());
        String task = analyst.awaitTask(threatId, "Task_InvestigateThreat");
        String caseId = caseOf(task);

        RawApi.Answer skipPolicy = analystApi.postJson("/engine-rest/task/" + task + "/submit-form",
                variables(INVESTIGATION, Map.of("investigationOutcome", "ELIMINABLE", "approvalRequired", false)));
        assertThat(skipPolicy.status()).as(skipPolicy.toString()).isEqualTo(400);
        assertThat(skipPolicy.errorFields()).containsExactlyInAnyOrder("investigationOutcome", "approvalRequired");

        RawApi.Answer investigated = analystApi.postJson("/engine-rest/task/" + task + "/submit-form",
                variables(INVESTIGATION, Map.of()));
        assertThat(investigated.status()).as(investigated.toString()).isEqualTo(204);
        String approval = new ApiClient(http, "manager").awaitTask(threatId, "Task_ApproveEradication");
        RawApi.Answer approveBySystemVariable = RawApi.as(http, "manager").postJson(
                "/engine-rest/task/" + approval + "/submit-form", variables(Map.of("eradicationDecision", "REJECTED",
                        "approvalComment", "let me through"), Map.of("approvalDecision", "APPROVED")));

        assertThat(approveBySystemVariable.status()).as(approveBySystemVariable.toString()).isEqualTo(400);
        assertThat(approveBySystemVariable.errorFields()).containsExactly("approvalDecision");
        assertThat(variable(caseId, "approvalDecision")).as("only the approval listener writes it").isNull();
        assertThat(adminApi.get("/engine-rest/task/" + approval).status()).as("the approval is still open").isEqualTo(200);
    }

    @Test
    void shouldRefuseEveryVariableWriteOutsideACompletion_andChangeNothing() {
        String task = investigation();
        String caseId = caseOf(task);
        Map<String, Object> value = Map.of("value", false);
        Map<String, Object> modifications = Map.of("modifications", Map.of("approvalRequired", value));

        List<RawApi.Answer> attempts = List.of(
                analystApi.put("/engine-rest/task/" + task + "/variables/approvalRequired", value),
                analystApi.put("/engine-rest/task/" + task + "/localVariables/approvalRequired", value),
                analystApi.postJson("/engine-rest/task/" + task + "/variables", modifications),
                analystApi.postJson("/engine-rest/task/" + task + "/localVariables", modifications),
                analystApi.delete("/engine-rest/task/" + task + "/variables/approvalRequired"),
                analystApi.put("/engine-rest/process-instance/" + caseId + "/variables/approvalRequired", value),
                analystApi.postJson("/engine-rest/process-instance/" + caseId + "/variables", modifications),
                analystApi.put("/engine-rest/execution/" + caseId + "/localVariables/approvalRequired", value),
                analystApi.postJson("/engine-rest/execution/" + caseId + "/localVariables", modifications),
                // the escalation that 'Resolve threat' catches ends the case as mitigated, without any approval
                analystApi.postJson("/engine-rest/task/" + task + "/bpmnEscalation",
                        Map.of("escalationCode", "MitigationAccepted")),
                analystApi.postJson("/engine-rest/task/" + task + "/bpmnError", Map.of("errorCode", "ActionRejected")));

        assertThat(attempts).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        });
        assertThat(variable(caseId, "approvalRequired")).as("decided only after investigation, by approval-policy").isNull();
        assertThat(adminApi.get("/engine-rest/task/" + task).status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptReadOnlyFieldsSentBackUnchanged_asTasklistSendsThem() {
        String task = investigation();
        String caseId = caseOf(task);
        Map<String, Object> asShown = new HashMap<>(INVESTIGATION);
        for (String readOnly : List.of("threatTitle", "assetName", "severity", "evidence")) {
            asShown.put(readOnly, variable(caseId, readOnly));
        }

        RawApi.Answer completed = analystApi.postJson("/engine-rest/task/" + task + "/submit-form", variables(asShown, Map.of()));

        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
        assertThat(variable(caseId, "approvalRequired")).as("approval-policy's answer, after investigation").isEqualTo(true);
    }

    @Test
    void shouldRefuseAStartWithVariablesNotOnTheStartForm_aChosenBusinessKey_orAChosenActivity() {
        String start = "/engine-rest/process-definition/key/threat-remediation";
        String title = "Start form rules " + UUID.randomUUID();
        Map<String, Object> report = Map.of("threatTitle", title, "threatType", "OUTDATED_OS",
                "assetName", "start-rules-01");

        RawApi.Answer withVariable = analystApi.postJson(start + "/start",
                variables(report, Map.of("approvalRequired", false, "threatId", "someone-elses-threat")));
        assertThat(withVariable.status()).as(withVariable.toString()).isEqualTo(400);
        assertThat(withVariable.errorFields()).containsExactlyInAnyOrder("approvalRequired", "threatId");

        RawApi.Answer viaForm = analystApi.postJson(start + "/submit-form",
                variables(report, Map.of("approvalRequired", false)));
        assertThat(viaForm.status()).as(viaForm.toString()).isEqualTo(400);
        assertThat(viaForm.errorFields()).containsExactly("approvalRequired");

        Map<String, Object> withKey = new HashMap<>(variables(report, Map.of()));
        withKey.put("businessKey", "someone-elses-threat");
        RawApi.Answer chosenKey = analystApi.postJson(start + "/start", withKey);
        assertThat(chosenKey.status()).as(chosenKey.toString()).isEqualTo(400);
        assertThat(chosenKey.errorFields()).containsExactly("businessKey");

        Map<String, Object> atEradication = new HashMap<>(variables(report, Map.of()));
        atEradication.put("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "Task_EradicateThreat")));
        RawApi.Answer chosenActivity = analystApi.postJson(start + "/start", atEradication);
        assertThat(chosenActivity.status()).as(chosenActivity.toString()).isEqualTo(403);
        assertThat(chosenActivity.isProblem()).isTrue();

        RawApi.Answer started = adminApi.postJson("/engine-rest/history/process-instance/count", Map.of("variables",
                List.of(Map.of("name", "threatTitle", "operator", "eq", "value", title))));
        assertThat(started.json()).as("no case was started").containsEntry("count", 0);
    }

    @Test
    void shouldRefuseARestartOfAFinishedCaseAtAChosenActivity() {
        String threatId = analyst.report(Map.of("title", "Restart rules", "type", "OUTDATED_OS",
                "asset", "restart-" + UUID.randomUUID()));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", true, "severity", "LOW"));
        Map<String, Object> closed = analyst.awaitClosed(threatId, "FALSE_POSITIVE");
        String caseId = (String) closed.get("processInstanceId");
        String definitionId = (String) adminApi.get("/engine-rest/history/process-instance/" + caseId).json()
                .get("processDefinitionId");

        RawApi.Answer restart = analystApi.postJson("/engine-rest/process-definition/" + definitionId + "/restart",
                Map.of("processInstanceIds", List.of(caseId), "instructions", List.of(Map.of(
                        "type", "startBeforeActivity", "activityId", "Task_EradicateThreat"))));

        assertThat(restart.status()).as(restart.toString()).isEqualTo(403);
        assertThat(adminApi.get("/engine-rest/process-instance?businessKey=" + threatId).jsonList()).isEmpty();
    }

    @Test
    void shouldLetAnAdministratorRepairACase_andLogIt() {
        String task = investigation();
        String caseId = caseOf(task);

        RawApi.Answer repaired = adminApi.put("/engine-rest/process-instance/" + caseId + "/variables/triageNotes",
                Map.of("value", "corrected by the administrator"));

        assertThat(repaired.status()).as(repaired.toString()).isEqualTo(204);
        assertThat(variable(caseId, "triageNotes")).isEqualTo("corrected by the administrator");
        assertThat(adminApi.get("/engine-rest/history/user-operation?processInstanceId=" + caseId
                + "&operationType=SetVariable").jsonList())
                .anySatisfy(entry -> assertThat(entry).containsEntry("userId", "admin"));
    }

    private String investigation() {
        String threatId = CaseSteps.atInvestigation(analyst, "form-rules-" + UUID.randomUUID());
        return analyst.awaitTask(threatId, "Task_InvestigateThreat");
    }

    private String caseOf(String task) {
        return (String) adminApi.get("/engine-rest/task/" + task).json().get("processInstanceId");
    }

    private Object variable(String caseId, String name) {
        return adminApi.get("/engine-rest/process-instance/" + caseId + "/variables/" + name).json().get("value");
    }

    /** A submit-form or complete body: each value as {@code {"value": ...}}. */
    private static Map<String, Object> variables(Map<String, Object> values, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Collections.singletonMap("value", value)));
        more.forEach((name, value) -> variables.put(name, Collections.singletonMap("value", value)));
        return Map.of("variables", variables);
    }
}
