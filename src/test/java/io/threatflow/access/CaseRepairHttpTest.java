package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.CaseSteps;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Managers read cases, retry failed jobs, work their tasks and start mitigations; changing a running case
 * (modification, variables, suspension, deletion) is for administrators, and the user operation log records it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseRepairHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    @Test
    void shouldRefuseManagersAndAnalystManagersEveryRewriteOfARunningCase_andChangeNothing() {
        String dual = TestUsers.create(identity, "dual", Groups.ANALYSTS, Groups.MANAGERS);
        String caseId = caseAwaitingApproval(new ApiClient(http, "analyst"));
        String instance = "/engine-rest/process-instance/" + caseId;

        for (String user : List.of("manager", dual)) {
            RawApi as = RawApi.as(http, user);
            List<RawApi.Answer> attempts = List.of(
                    // skip the approval: cancel it and go on to the eradication
                    as.postJson(instance + "/modification", Map.of("instructions", List.of(
                            Map.of("type", "cancel", "activityId", "Task_ApproveEradication"),
                            Map.of("type", "startBeforeActivity", "activityId", "Task_EradicateThreat")))),
                    as.put(instance + "/variables/approvalRequired", Map.of("value", false)),
                    as.put(instance + "/suspended", Map.of("suspended", true)),
                    as.delete(instance));

            assertThat(attempts).allSatisfy(answer -> assertThat(answer.status()).as(user + ": " + answer).isEqualTo(403));
            assertThat(as.get(instance).status()).as(user + " still reads the case").isEqualTo(200);
        }
        RawApi admin = RawApi.as(http, "admin");
        assertThat(admin.get(instance).json()).containsEntry("suspended", false);
        assertThat(admin.get(instance + "/variables/approvalRequired").json()).containsEntry("value", true);
        assertThat(admin.get("/engine-rest/task?processInstanceId=" + caseId).jsonList())
                .extracting(task -> task.get("taskDefinitionKey")).containsExactly("Task_ApproveEradication");
    }

    @Test
    void shouldLetAnAdministratorModifySuspendAndDeleteACase_eachInTheUserOperationLog() {
        String caseId = caseAwaitingApproval(new ApiClient(http, "analyst"));
        String instance = "/engine-rest/process-instance/" + caseId;
        RawApi admin = RawApi.as(http, "admin");

        // repair: the approval goes back to the investigation
        assertThat(admin.postJson(instance + "/modification", Map.of("instructions", List.of(
                Map.of("type", "cancel", "activityId", "Task_ApproveEradication"),
                Map.of("type", "startBeforeActivity", "activityId", "Task_InvestigateThreat")))).status()).isEqualTo(204);
        assertThat(admin.put(instance + "/suspended", Map.of("suspended", true)).status()).isEqualTo(204);
        assertThat(admin.put(instance + "/suspended", Map.of("suspended", false)).status()).isEqualTo(204);
        assertThat(admin.delete(instance).status()).isEqualTo(204);

        List<Map<String, Object>> log = admin.get("/engine-rest/history/user-operation?processInstanceId=" + caseId)
                .jsonList();
        assertThat(log).filteredOn(entry -> "admin".equals(entry.get("userId")))
                .extracting(entry -> entry.get("operationType"))
                .contains("ModifyProcessInstance", "Suspend", "Activate", "Delete");
    }

    @Test
    void shouldLetManagersStartAMitigation() {
        String threatId = new ApiClient(http, "analyst").report(Map.of("title", "Mitigation by order", "type",
                "OUTDATED_OS", "asset", "repair-" + UUID.randomUUID()));

        RawApi.Answer started = RawApi.as(http, "manager").postJson(
                "/engine-rest/process-definition/key/threat-mitigation/submit-form", Map.of("variables", Map.of(
                        "threatId", Map.of("value", threatId), "mitigationMode", Map.of("value", "LONG_TERM"))));

        assertThat(started.status()).as(started.toString()).isEqualTo(200);
    }

    private String caseAwaitingApproval(ApiClient analyst) {
        String threatId = CaseSteps.awaitingApproval(analyst, "repair-" + UUID.randomUUID());
        String approval = new ApiClient(http, "manager").awaitTask(threatId, "Task_ApproveEradication");
        return (String) RawApi.as(http, "manager").get("/engine-rest/task/" + approval).json().get("processInstanceId");
    }
}
