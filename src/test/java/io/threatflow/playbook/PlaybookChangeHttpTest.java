package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.access.Groups;
import io.threatflow.testing.ApiClient;
import io.threatflow.testing.ModelerDeploy;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestUsers;
import io.threatflow.testing.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A playbook change over HTTP, as Camunda Modeler deploys it: proposed, reviewed by a second person, deployed
 * complete or refused with a reason; the bypasses refused. The changes here keep every rule's outcome (they change a
 * rule's description), since the other tests of this context run on whatever playbook is current.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaybookChangeHttpTest {

    private static final String REVIEW = "Task_ReviewPlaybookChange";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @LocalServerPort
    int port;

    /** sla-policy.dmn with one rule's description changed, so that every case decides as before. */
    private static Map<String, byte[]> harmlessSlaChange() {
        String changed = PlaybookBundleTest.slaPolicy().replace("<description>High</description>",
                "<description>High, reviewed " + UUID.randomUUID() + "</description>");
        return Map.of("sla-policy.dmn", changed.getBytes(StandardCharsets.UTF_8));
    }

    private String reviewTask(RawApi reader, String changeId) {
        List<Map<String, Object>> tasks = reader.get("/engine-rest/task?processInstanceBusinessKey=" + changeId
                + "&taskDefinitionKey=" + REVIEW).jsonList();
        assertThat(tasks).as("review task of %s", changeId).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    private static Map<String, Object> answer(boolean approved, String comment) {
        return Map.of("variables", Map.of("changeApproved", Map.of("value", approved),
                "reviewComment", Map.of("value", comment)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeployTheCompletePlaybook_onlyWhenAnotherModelerApproves_andRunNewCasesOnIt() {
        String author = TestUsers.create(identity, "mia", Groups.MODELERS);
        String reviewer = TestUsers.create(identity, "mo", Groups.MODELERS);
        RawApi mia = RawApi.as(http, author);
        ApiClient analyst = new ApiClient(http, "analyst");
        List<Map<String, Object>> before = mia.get("/api/playbooks/versions").jsonList();
        long deployments = repository.createDeploymentQuery().count();

        RawApi.Answer proposed = ModelerDeploy.deploy(mia, harmlessSlaChange());

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        String changeId = (String) proposed.json().get("id");
        assertThat((String) proposed.json().get("message")).contains("Submitted for review");
        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed yet").isEqualTo(deployments);
        String waiting = analyst.report(Map.of("title", "Reported during the review", "type", "MALWARE",
                "asset", "playbook-review-01", "severity", "HIGH"));
        Map<String, Object> change = mia.get("/api/playbooks/changes/" + changeId).json();
        assertThat(change).containsEntry("status", "PENDING").containsEntry("proposedBy", author);
        assertThat((String) change.get("summary")).contains("Changed: sla-policy.dmn",
                "decision sla-policy, rule Rule_SlaPolicy02 changed", "Unchanged: ", "threat-remediation.bpmn");

        String task = "/engine-rest/task/" + reviewTask(mia, changeId);
        List<RawApi.Answer> ownReview = List.of(
                mia.postJson(task + "/claim", Map.of("userId", author)),
                mia.postJson(task + "/complete", answer(true, "my own change")),
                mia.postJson(task + "/submit-form", answer(true, "my own change")),
                RawApi.as(http, reviewer).postJson(task + "/assignee", Map.of("userId", author)));
        assertThat(ownReview).allSatisfy(attempt -> {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(403);
            assertThat((String) attempt.json().get("detail")).contains("Four eyes", author);
        });
        RawApi.Answer inTasklist = WebappSession.login(port, author, "tasklist")
                .post(WebappSession.ENGINE_API + "/task/" + reviewTask(mia, changeId) + "/submit-form", answer(true, "mine"));
        assertThat(inTasklist.status()).as(inTasklist.toString()).isEqualTo(403);
        RawApi.Answer decisionSmuggled = RawApi.as(http, reviewer).postJson(task + "/submit-form", Map.of("variables",
                Map.of("changeDecision", Map.of("value", "APPROVED"))));
        assertThat(decisionSmuggled.status()).as(decisionSmuggled.toString()).isEqualTo(400);
        assertThat(repository.createDeploymentQuery().count()).as("still nothing deployed").isEqualTo(deployments);

        new ApiClient(http, reviewer).submit(reviewTask(mia, changeId), Map.of("changeApproved", true,
                "reviewComment", "rule text only"));

        List<Map<String, Object>> versions = mia.get("/api/playbooks/versions").jsonList();
        assertThat(versions).hasSize(before.size() + 1);
        Map<String, Object> current = versions.get(0);
        assertThat(current).containsEntry("current", true).containsEntry("proposedBy", author)
                .containsEntry("approvedBy", reviewer).containsEntry("changeId", changeId)
                .containsEntry("changedResources", List.of("sla-policy.dmn"));
        assertThat((List<Object>) current.get("resources")).contains("threat-remediation.bpmn", "threat-mitigation.bpmn",
                "sla-policy.dmn", "threat-severity.dmn", "triage-threat.form").doesNotContain("playbook-change.bpmn");
        assertThat(versions.get(1)).containsEntry("current", false);
        assertThat(mia.get("/api/playbooks/changes/" + changeId).json()).containsEntry("status", "DEPLOYED")
                .containsEntry("reviewedBy", reviewer).containsEntry("deploymentId", current.get("deploymentId"));

        String next = analyst.report(Map.of("title", "Reported after the approval", "type", "MALWARE",
                "asset", "playbook-review-02", "severity", "HIGH"));
        analyst.awaitTask(next, "Task_TriageThreat");
        assertThat(analyst.threat(next)).containsEntry("playbookVersion", current.get("version"));
        assertThat(analyst.threat(waiting)).containsEntry("playbookVersion", versions.get(1).get("version"));
        assertThat(((Number) versions.get(1).get("runningCases")).longValue()
                + ((Number) versions.get(1).get("finishedCases")).longValue()).isPositive();

        RawApi.Answer rollback = mia.postJson("/engine-rest/deployment/" + versions.get(1).get("deploymentId") + "/redeploy",
                Map.of());
        assertThat(rollback.status()).as(rollback.toString()).isEqualTo(202);
        assertThat((String) rollback.json().get("summary")).contains("Changed: sla-policy.dmn");
        String rollbackId = (String) rollback.json().get("id");
        new ApiClient(http, "manager").submit(reviewTask(mia, rollbackId), Map.of("changeApproved", false,
                "reviewComment", "keep the reviewed text"));
        assertThat(mia.get("/api/playbooks/changes/" + rollbackId).json()).containsEntry("status", "REFUSED");
    }

    @Test
    void shouldTellTheAuthorWhy_whenAManagerRefuses_andRequireAReason() {
        String author = TestUsers.create(identity, "mia", Groups.MODELERS);
        RawApi mia = RawApi.as(http, author);
        RawApi manager = RawApi.as(http, "manager");
        long deployments = repository.createDeploymentQuery().count();
        String changeId = (String) ModelerDeploy.deploy(mia, harmlessSlaChange()).json().get("id");
        String task = "/engine-rest/task/" + reviewTask(manager, changeId);

        RawApi.Answer noReason = manager.postJson(task + "/submit-form", Map.of("variables",
                Map.of("changeApproved", Map.of("value", false))));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat((String) noReason.json().get("detail")).contains("reviewComment");

        assertThat(manager.postJson(task + "/submit-form", answer(false, "Rule 2 must keep its text")).status())
                .isEqualTo(204);

        Map<String, Object> change = mia.get("/api/playbooks/changes/" + changeId).json();
        assertThat(change).containsEntry("status", "REFUSED").containsEntry("reviewedBy", "manager")
                .containsEntry("reason", "Rule 2 must keep its text");
        assertThat(change.get("deploymentId")).isNull();
        assertThat(mia.get("/api/playbooks/changes").jsonList()).extracting(c -> c.get("id")).contains(changeId);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void shouldRefuseAChangeThatLeavesAReferenceUnresolved_namingIt() {
        RawApi modeler = RawApi.as(http, "modeler");
        long deployments = repository.createDeploymentQuery().count();
        int changes = modeler.get("/api/playbooks/changes").jsonList().size();
        String renamed = PlaybookBundleTest.slaPolicy().replace("id=\"sla-policy\"", "id=\"service-levels\"");

        RawApi.Answer refused = ModelerDeploy.deploy(modeler, Map.of("sla-policy.dmn",
                renamed.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.errorFields()).contains("threat-remediation.bpmn");
        assertThat((String) refused.json().get("message")).contains("Task_DetermineServiceLevels", "decision 'sla-policy'");
        assertThat(modeler.get("/api/playbooks/changes").jsonList()).hasSize(changes);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void shouldRefuseUnreadableFilesAndTheReviewItself() {
        RawApi modeler = RawApi.as(http, "modeler");

        RawApi.Answer unreadable = ModelerDeploy.deploy(modeler, Map.of("notes.txt", new byte[] {1},
                "broken.form", "{".getBytes(StandardCharsets.UTF_8)));
        RawApi.Answer review = ModelerDeploy.deploy(modeler, Map.of("playbook-change.bpmn",
                PlaybookBundleTest.read(java.nio.file.Path.of("processes/playbook-change.bpmn"))));

        assertThat(unreadable.status()).as(unreadable.toString()).isEqualTo(400);
        assertThat(unreadable.errorFields()).containsExactlyInAnyOrder("notes.txt", "broken.form");
        assertThat(review.status()).as(review.toString()).isEqualTo(400);
        assertThat((String) review.json().get("message")).contains("review of playbook changes");
    }

    @Test
    void shouldLetOnlyModelersAndAdministratorsProposeChanges_andNoDeploymentPassTheReview() {
        long deployments = repository.createDeploymentQuery().count();

        RawApi.Answer analyst = ModelerDeploy.deploy(RawApi.as(http, "analyst"), harmlessSlaChange());
        RawApi.Answer manager = ModelerDeploy.deploy(RawApi.as(http, "manager"), harmlessSlaChange());
        RawApi.Answer namedEngine = RawApi.as(http, "analyst").post("/engine-rest/engine/default/deployment/create",
                "multipart/form-data; boundary=x", "--x--\r\n".getBytes(StandardCharsets.UTF_8));
        RawApi.Answer webapp = WebappSession.login(port, "modeler", "cockpit")
                .post(WebappSession.ENGINE_API + "/deployment/create", Map.of());
        RawApi.Answer analystReads = RawApi.as(http, "analyst").get("/api/playbooks/versions");

        assertThat(List.of(analyst, manager, namedEngine, webapp, analystReads)).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.toString()).isEqualTo(403));
        assertThat((String) analyst.json().get("message")).contains("modelers and administrators");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(RawApi.as(http, "manager").get("/api/playbooks/versions").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerWithTheCurrentVersion_whenNothingChanged() {
        RawApi.Answer same = ModelerDeploy.deploy(RawApi.as(http, "modeler"), Map.of("threat-severity.dmn",
                PlaybookBundleTest.read(java.nio.file.Path.of("processes/threat-severity.dmn"))));

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json()).containsEntry("id",
                RawApi.as(http, "modeler").get("/api/playbooks/versions").jsonList().get(0).get("deploymentId"));
    }
}
