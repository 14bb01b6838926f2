package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.CaseSteps;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestUsers;
import io.threatflow.testing.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Four eyes where the approval is worked: whoever investigated a threat never approves or rejects its eradication,
 * whatever groups they are in, whether they claim the task, are given it, or complete it through submit-form,
 * complete or Tasklist. Another manager approves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FourEyesHttpTest {

    private static final Map<String, Object> APPROVE = Map.of("variables", Map.of(
            "eradicationDecision", Map.of("value", "APPROVED"), "approvalComment", Map.of("value", "approving my own work")));

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    @Test
    void shouldRefuseTheInvestigatorInAnalystsAndManagers_onEveryPath_andLetAnotherManagerApprove() {
        String investigator = TestUsers.create(identity, "dual", Groups.ANALYSTS, Groups.MANAGERS);
        String threatId = CaseSteps.awaitingApproval(new ApiClient(http, investigator), "four-eyes-" + UUID.randomUUID());
        ApiClient manager = new ApiClient(http, "manager");
        String approval = manager.awaitTask(threatId, "Task_ApproveEradication");
        RawApi self = RawApi.as(http, investigator);
        RawApi otherManager = RawApi.as(http, "manager");
        String task = "/engine-rest/task/" + approval;

        List<RawApi.Answer> attempts = List.of(
                self.postJson(task + "/claim", Map.of("userId", investigator)),
                self.postJson(task + "/submit-form", APPROVE),
                self.postJson(task + "/complete", APPROVE),
                self.postJson(task + "/complete", Map.of("variables", Map.of(
                        "eradicationDecision", Map.of("value", "REJECTED"), "approvalComment", Map.of("value", "rejecting it")))),
                otherManager.postJson(task + "/assignee", Map.of("userId", investigator)),
                otherManager.postJson(task + "/delegate", Map.of("userId", investigator)),
                otherManager.postJson(task + "/identity-links", Map.of("userId", investigator, "type", "candidate")),
                otherManager.put(task, Map.of("name", "Approve eradication", "priority", 50, "assignee", investigator)));

        assertThat(attempts).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat((String) answer.json().get("detail")).as(answer.toString()).contains("Four eyes", investigator);
        });
        RawApi.Answer inTasklist = WebappSession.login(port, investigator, "tasklist")
                .post(WebappSession.ENGINE_API + "/task/" + approval + "/submit-form", APPROVE);
        assertThat(inTasklist.status()).as(inTasklist.toString()).isEqualTo(403);
        assertThat((String) inTasklist.json().get("message")).contains("Four eyes");
        Map<String, Object> unchanged = otherManager.get(task).json();
        assertThat(unchanged.get("assignee")).as("nobody was given the task").isNull();

        manager.submit(approval, Map.of("eradicationDecision", "APPROVED", "approvalComment", "checked by a second pair"));
        String caseId = (String) unchanged.get("processInstanceId");
        assertThat(RawApi.as(http, "admin").get("/engine-rest/history/variable-instance?processInstanceId=" + caseId
                + "&variableName=approvedBy").jsonList()).singleElement()
                .satisfies(variable -> assertThat(variable).containsEntry("value", "manager"));
    }

    @Test
    void shouldRefuseTheInvestigator_evenAsAnAdministrator() {
        String investigator = TestUsers.create(identity, "alladmin", Groups.ANALYSTS, Groups.MANAGERS, Groups.ADMINS);
        String threatId = CaseSteps.awaitingApproval(new ApiClient(http, investigator), "four-eyes-" + UUID.randomUUID());
        String approval = new ApiClient(http, "manager").awaitTask(threatId, "Task_ApproveEradication");

        RawApi.Answer ownApproval = RawApi.as(http, investigator).postJson("/engine-rest/task/" + approval + "/submit-form",
                APPROVE);

        assertThat(ownApproval.status()).as(ownApproval.toString()).isEqualTo(403);
        assertThat(RawApi.as(http, "manager").get("/engine-rest/task/" + approval).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseTheTriagerAContainmentMeasureTheyCaused_onEveryPath_andLetAnotherManagerDecide() {
        String triager = TestUsers.create(identity, "contain", Groups.ANALYSTS, Groups.MANAGERS);
        ApiClient analyst = new ApiClient(http, triager);
        String threatId = analyst.report(Map.of("title", "Ransomware beacon on db-01 " + UUID.randomUUID(),
                "type", "MALWARE", "asset", "db-01"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", false, "severity", "HIGH"));
        ApiClient manager = new ApiClient(http, "manager");
        String approval = manager.awaitTask(threatId, "Task_ApproveMeasure");
        String task = "/engine-rest/task/" + approval;
        Map<String, Object> approve = Map.of("variables", Map.of("measureDecision", Map.of("value", "APPROVED"),
                "measureDecisionComment", Map.of("value", "isolating it myself")));
        RawApi self = RawApi.as(http, triager);

        List<RawApi.Answer> attempts = List.of(
                self.postJson(task + "/claim", Map.of("userId", triager)),
                self.postJson(task + "/submit-form", approve),
                self.postJson(task + "/complete", approve),
                RawApi.as(http, "manager").postJson(task + "/assignee", Map.of("userId", triager)));

        assertThat(attempts).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat((String) answer.json().get("detail")).as(answer.toString())
                    .contains("Four eyes", triager, "started this mitigation");
        });
        Map<String, Object> form = RawApi.as(http, "manager").get(task + "/form-variables").json();
        assertThat(form.toString()).contains("Isolate the host on db-01", "critical server");
        manager.submit(approval, Map.of("measureDecision", "REFUSED", "measureDecisionComment",
                "the database serves payments; monitor it instead"));
        assertThat(RawApi.as(http, "admin").get("/api/threats/" + threatId + "/timeline").status()).isEqualTo(200);
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                RawApi.as(http, "manager").get("/api/threats/" + threatId).json().toString())
                .contains("refused by manager before it was sent"));
    }

    @Test
    void shouldRefuseTheManagerWhoStartedAMitigation_theMeasureDecision() {
        String requester = TestUsers.create(identity, "requester", Groups.MANAGERS);
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "Compromised service account on db-01 " + UUID.randomUUID(),
                "type", "COMPROMISED_ACCOUNT", "asset", "db-01"));
        analyst.awaitTask(threatId, "Task_TriageThreat");
        RawApi.Answer started = RawApi.as(http, requester).postJson(
                "/engine-rest/process-definition/key/threat-mitigation/submit-form",
                Map.of("variables", Map.of("threatId", Map.of("value", threatId))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String mitigation = (String) started.json().get("id");
        String approval = await().atMost(java.time.Duration.ofSeconds(30)).until(() -> RawApi.as(http, "manager")
                .get("/engine-rest/task?processInstanceId=" + mitigation + "&taskDefinitionKey=Task_ApproveMeasure")
                .jsonList(), tasks -> !tasks.isEmpty()).get(0).get("id").toString();

        RawApi.Answer own = RawApi.as(http, requester).postJson("/engine-rest/task/" + approval + "/submit-form",
                Map.of("variables", Map.of("measureDecision", Map.of("value", "APPROVED"),
                        "measureDecisionComment", Map.of("value", "mine"))));

        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat((String) own.json().get("detail")).contains(requester, "started this mitigation");
        new ApiClient(http, "manager").submit(approval, Map.of("measureDecision", "APPROVED",
                "measureDecisionComment", "disable it; the owner is told"));
    }
}
