package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.access.Groups;
import io.threatflow.engine.DeletionConfirmation;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestPlaybooks;
import io.threatflow.testing.WebappSession;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deleting a playbook version that has cases, as each role tries it on each path: {@code /engine-rest} (deployment
 * and process definition, with cascade), the webapps' engine API that Cockpit's deployments page calls, and the Java
 * API. Refused for everybody but an administrator who confirms exactly that deployment; then the register follows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeploymentDeletionHttpTest {

    private static final String CONFIRM = DeletionConfirmation.HEADER;

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ThreatService threats;

    @Test
    void shouldRefuseEveryRoleDeletingAVersionWithARunningCase_onEveryPath_andKeepTheCase() {
        String key = TestPlaybooks.newKey();
        ProcessDefinition version = TestPlaybooks.deploy(engine, key, 1);
        String deployment = version.getDeploymentId();
        String caseId = runtime.startProcessInstanceById(version.getId()).getId();
        String cascade = "/engine-rest/deployment/" + deployment + "?cascade=true";

        // analysts may not even see deployments: the engine's REST resource answers that there is none
        assertThat(RawApi.as(http, "analyst").delete(cascade).status()).isEqualTo(404);
        for (String user : List.of("modeler", "manager", "admin")) {
            RawApi.Answer refused = RawApi.as(http, user).delete(cascade);
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
            assertThat((String) refused.json().get("detail")).as(user)
                    .contains("1 running and 0 finished cases", key + " version 1");
        }
        RawApi admin = RawApi.as(http, "admin");
        List<RawApi.Answer> attempts = List.of(
                admin.delete("/engine-rest/deployment/" + deployment),
                admin.delete("/engine-rest/process-definition/" + version.getId() + "?cascade=true"),
                admin.delete("/engine-rest/process-definition/key/" + key + "/delete?cascade=true"),
                // a confirmation of another deployment, and one by somebody who is not an administrator
                admin.delete(cascade, CONFIRM, "another-deployment"),
                RawApi.as(http, "modeler").delete(cascade, CONFIRM, deployment),
                RawApi.as(http, "manager").delete(cascade, CONFIRM, deployment));
        assertThat(attempts).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(403));
        assertThat((String) admin.delete(cascade).json().get("detail"))
                .contains("confirms this deletion with the header " + CONFIRM + ": " + deployment);

        // Cockpit's deployments page deletes over the webapps' engine API, in Camunda's JSON with the words shown
        WebappSession cockpit = WebappSession.login(port, "admin", "cockpit");
        RawApi.Answer webapp = cockpit.delete(WebappSession.ENGINE_API + "/deployment/" + deployment + "?cascade=true");
        assertThat(webapp.status()).as(webapp.toString()).isEqualTo(403);
        assertThat((String) webapp.json().get("message")).contains("1 running and 0 finished cases");

        // the Java API: the application's own code is held to it as well
        assertThat(refusedByEngine(() -> repository.deleteDeployment(deployment, true))).isTrue();

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
    }

    @Test
    void shouldRefuseDeletingAVersionWhoseCasesAreAllFinished_withOrWithoutCascade() {
        String key = TestPlaybooks.newKey();
        ProcessDefinition version = TestPlaybooks.deploy(engine, key, 1);
        String caseId = runtime.startProcessInstanceById(version.getId()).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
        RawApi admin = RawApi.as(http, "admin");

        for (String path : List.of("", "?cascade=true")) {
            RawApi.Answer refused = admin.delete("/engine-rest/deployment/" + version.getDeploymentId() + path);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat((String) refused.json().get("detail")).contains("0 running and 1 finished cases");
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
    }

    @Test
    void shouldLetAnAdministratorDeleteAVersionWithCasesWhenConfirmed_andWithdrawTheThreatOfTheDeletedCase() {
        String threatId = threats.register(new NewThreat("Deleted with its version", ThreatType.MALWARE,
                "deletion-" + UUID.randomUUID(), null, null, null, null, null, null, null, false)).id();
        String key = TestPlaybooks.newKey();
        ProcessDefinition version = TestPlaybooks.deploy(engine, key, 1);
        String caseId = runtime.startProcessInstanceById(version.getId(), threatId).getId();
        String deployment = version.getDeploymentId();

        RawApi.Answer deleted = RawApi.as(http, "admin").delete("/engine-rest/deployment/" + deployment
                + "?cascade=true", CONFIRM, deployment);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
        RawApi analyst = RawApi.as(http, "analyst");
        assertThat(analyst.get("/api/threats/" + threatId).json()).containsEntry("status", "WITHDRAWN");
        List<Map<String, Object>> timeline = analyst.get("/api/threats/" + threatId + "/timeline").jsonList();
        assertThat(timeline).filteredOn(entry -> "DELETED".equals(entry.get("kind"))).singleElement()
                .satisfies(entry -> {
                    assertThat(entry).containsEntry("actor", "admin")
                            .containsEntry("name", "Case deleted with its playbook version");
                    assertThat((String) entry.get("detail")).contains(caseId, key + " version 1", deployment);
                });
    }

    @Test
    void shouldLeaveModelersOnlyReadOnTheVersionsTheyDeploy() {
        String key = TestPlaybooks.newKey();
        RawApi modeler = RawApi.as(http, "modeler");
        String deployment = TestPlaybooks.deployAs(engine, "modeler", List.of(Groups.MODELERS), key, 1);

        Authorization own = authorizations.createAuthorizationQuery().userIdIn("modeler")
                .resourceType(Resources.DEPLOYMENT).resourceId(deployment).singleResult();
        assertThat(own.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(own.isPermissionGranted(Permissions.DELETE)).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.MODELERS).resourceType(Resources.DEPLOYMENT)
                .list()).noneMatch(grant -> grant.isPermissionGranted(Permissions.DELETE));

        // no cases: the engine's authorizations decide, and only administrators hold DELETE
        assertThat(modeler.delete("/engine-rest/deployment/" + deployment).status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
        assertThat(RawApi.as(http, "admin").delete("/engine-rest/deployment/" + deployment).status()).isEqualTo(204);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isZero();
    }

    private static boolean refusedByEngine(Runnable deletion) {
        try {
            deletion.run();
            return false;
        } catch (io.threatflow.engine.CommandRefusedException e) {
            return e.getMessage().contains("running");
        }
    }
}
