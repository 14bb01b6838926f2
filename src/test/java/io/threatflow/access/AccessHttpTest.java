package io.threatflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.CaseSteps;
import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestUsers;
import io.threatflow.testing.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Each group can do its job and no more, enforced by the engine, over the real HTTP interfaces. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    GroupAuthorizations groupAuthorizations;
    @LocalServerPort
    int port;

    ApiClient analyst;
    ApiClient manager;

    @BeforeEach
    void clients() {
        analyst = new ApiClient(http, "analyst");
        manager = new ApiClient(http, "manager");
    }

    @ParameterizedTest(name = "{0} may use {1}: {2}")
    @CsvSource({"analyst,tasklist,true", "analyst,cockpit,false", "analyst,admin,false",
            "manager,tasklist,true", "manager,cockpit,true", "manager,admin,false",
            "modeler,cockpit,true", "modeler,tasklist,true", "modeler,admin,false",
            "admin,admin,true"})
    void shouldLetEachGroupIntoItsWebapps(String user, String app, boolean allowed) {
        RawApi.Answer login = WebappSession.anonymous(port).attemptLogin(user, ApiClient.PASSWORD, app);

        assertThat(login.status()).as(login.body()).isEqualTo(allowed ? 200 : 403);
    }

    @ParameterizedTest(name = "{0} {5} {1} on {3} {4}")
    @CsvSource({
            // analysts: report threats, read the cases and their history; nothing else
            "analyst,CREATE_INSTANCE,6,ProcessDefinition,threat-remediation,true",
            "analyst,READ_HISTORY,6,ProcessDefinition,threat-remediation,true",
            "analyst,READ_HISTORY,6,ProcessDefinition,threat-mitigation,true",
            // tasks are granted per definition (no rows per task); engine.CaseGuard lets only candidates work one
            "analyst,READ_TASK,6,ProcessDefinition,threat-remediation,true",
            "analyst,TASK_WORK,6,ProcessDefinition,threat-remediation,true",
            "analyst,READ_TASK,6,ProcessDefinition,threat-mitigation,false",
            "analyst,TASK_ASSIGN,6,ProcessDefinition,threat-remediation,false",
            "analyst,RETRY_JOB,6,ProcessDefinition,threat-remediation,false",
            "analyst,UPDATE_INSTANCE,6,ProcessDefinition,threat-remediation,false",
            "analyst,CREATE,9,Deployment,*,false",
            "analyst,ACCESS,0,Application,cockpit,false",
            // managers: read everything of the threat processes, retry jobs; no deployments, no Admin
            "manager,READ_TASK,6,ProcessDefinition,threat-remediation,true",
            "manager,TASK_WORK,6,ProcessDefinition,threat-mitigation,true",
            "manager,TASK_ASSIGN,6,ProcessDefinition,threat-remediation,true",
            "manager,READ_HISTORY,6,ProcessDefinition,threat-mitigation,true",
            "manager,RETRY_JOB,6,ProcessDefinition,threat-remediation,true",
            // ... but change no running case: that is for administrators
            "manager,UPDATE_INSTANCE,6,ProcessDefinition,threat-remediation,false",
            "manager,UPDATE_INSTANCE_VARIABLE,6,ProcessDefinition,threat-remediation,false",
            "manager,SUSPEND_INSTANCE,6,ProcessDefinition,threat-remediation,false",
            "manager,DELETE_INSTANCE,6,ProcessDefinition,threat-mitigation,false",
            "manager,RETRY_JOB,6,ProcessDefinition,threat-mitigation,true",
            "manager,CREATE_INSTANCE,6,ProcessDefinition,threat-mitigation,true",
            "manager,READ,10,DecisionDefinition,*,true",
            "manager,CREATE,9,Deployment,*,false",
            "manager,ACCESS,0,Application,admin,false",
            // modelers: deployments (reviewed playbook changes) and definitions; Tasklist to review changes; no cases
            "modeler,CREATE,9,Deployment,*,true",
            "modeler,READ,9,Deployment,*,true",
            "modeler,READ,6,ProcessDefinition,threat-remediation,true",
            "modeler,READ_HISTORY,6,ProcessDefinition,threat-remediation,false",
            "modeler,CREATE_INSTANCE,6,ProcessDefinition,threat-remediation,false",
            "modeler,ACCESS,0,Application,tasklist,true",
            "modeler,ACCESS,0,Application,admin,false",
            // everybody: their own user record to read and to update (profile, password), not to delete
            "analyst,READ,1,User,analyst,true",
            "analyst,UPDATE,1,User,analyst,true",
            "analyst,DELETE,1,User,analyst,false",
            "modeler,DELETE,1,User,modeler,false",
            "analyst,UPDATE,1,User,manager,false",
            // administrators: everything
            "admin,ALL,4,Authorization,*,true",
            "admin,CREATE,9,Deployment,*,true"})
    void shouldGrantEachGroupExactlyItsPermissions(String user, String permission, int resourceType,
                                                   String resourceName, String resourceId, boolean granted) {
        ResponseEntity<Map<String, Object>> check = new ApiClient(http, user).get("/engine-rest/authorization/check"
                + "?permissionName=" + permission + "&resourceName=" + resourceName + "&resourceType=" + resourceType
                + "&resourceId=" + resourceId);

        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(check.getBody()).containsEntry("authorized", granted);
    }

    @Test
    void shouldTakeAwayOnStart_aPermissionThatAGroupNoLongerHolds() {
        Authorization managers = authorizations.createAuthorizationQuery().groupIdIn(Groups.MANAGERS)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("threat-remediation").singleResult();
        managers.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
        authorizations.saveAuthorization(managers);

        groupAuthorizations.run(null);

        assertThat(authorizations.isUserAuthorized("manager", List.of(Groups.MANAGERS),
                ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, "threat-remediation")).isFalse();
        assertThat(authorizations.isUserAuthorized("manager", List.of(Groups.MANAGERS),
                ProcessDefinitionPermissions.RETRY_JOB, Resources.PROCESS_DEFINITION, "threat-remediation")).isTrue();
    }

    @Test
    void shouldKeepCamundaWebappSecurityHeaders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                url("/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("script-src");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-XSRF-TOKEN")).isPresent();
    }

    @Test
    void shouldKeepManagerTasksOutOfTheAnalystsQueue_andLetOnlyTheirCandidatesWorkThem_withoutRowsPerTask() {
        // another analyst investigates, so that four eyes is not why the analyst is refused
        ApiClient investigator = new ApiClient(http, TestUsers.create(identity, "investigator", Groups.ANALYSTS));
        String threatId = CaseSteps.awaitingApproval(investigator, "access-os-01.corp");
        String approval = manager.awaitTask(threatId, "Task_ApproveEradication");

        ResponseEntity<List<Map<String, Object>>> analystQueue = http.withBasicAuth("analyst", ApiClient.PASSWORD)
                .exchange("/engine-rest/task?candidateGroup=analysts&processInstanceBusinessKey=" + threatId,
                        HttpMethod.GET, null, new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(analystQueue.getBody()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7"
                + " and RESOURCE_ID_ = ?", Long.class, approval)).as("no authorization rows per task").isZero();

        RawApi asAnalyst = RawApi.as(http, "analyst");
        List<RawApi.Answer> refused = List.of(
                asAnalyst.postJson("/engine-rest/task/" + approval + "/submit-form", Map.of("variables", Map.of(
                        "eradicationDecision", Map.of("value", "APPROVED"), "approvalComment", Map.of("value", "fine")))),
                asAnalyst.postJson("/engine-rest/task/" + approval + "/complete", Map.of()),
                asAnalyst.postJson("/engine-rest/task/" + approval + "/claim", Map.of("userId", "analyst")),
                asAnalyst.postJson("/engine-rest/task/" + approval + "/assignee", Map.of("userId", "analyst")),
                // nor can a manager hand it to someone outside its candidate group
                RawApi.as(http, "manager").postJson("/engine-rest/task/" + approval + "/assignee",
                        Map.of("userId", "analyst")),
                RawApi.as(http, "manager").postJson("/engine-rest/task/" + approval + "/identity-links",
                        Map.of("userId", "analyst", "type", "assignee")));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        });
        assertThat((String) refused.get(0).json().get("detail")).contains("analyst may not complete",
                "Approve eradication", "worked by managers");
        assertThat(RawApi.as(http, "manager").get("/engine-rest/task/" + approval).json().get("assignee")).isNull();

        manager.submit(approval, Map.of("eradicationDecision", "REJECTED", "approvalComment", "not in this change window"));
        assertThat(manager.awaitTask(threatId, "Task_ReviewResidualRisk")).isNotBlank();
    }

    @Test
    void shouldRemoveTheRowsPerTaskThatEarlierVersionsWrote_onStart() {
        String threatId = CaseSteps.atInvestigation(analyst, "access-rows-01.corp");
        String investigation = analyst.awaitTask(threatId, "Task_InvestigateThreat");
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId(Groups.ANALYSTS);
        old.setResource(Resources.TASK);
        old.setResourceId(investigation);
        old.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
        authorizations.saveAuthorization(old);

        groupAuthorizations.run(null);

        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(investigation)
                .count()).isZero();
        analyst.submit(investigation, Map.of("rootCause", "end of support", "eliminable", true,
                "remediationAction", "UPGRADE_OS"));
    }

    @Test
    void shouldRefuseAReportWithProblemDetails_whenTheEngineDeniesStartingACase_andKeepNothingOfIt() {
        ApiClient modeler = new ApiClient(http, "modeler");
        ResponseEntity<Map<String, Object>> refused = modeler.post("/api/threats", Map.of("title", "Modeler report",
                "type", "EXPOSED_SERVICE", "asset", "web-01", "port", 6553, "source", "access-check",
                "sourceRef", "modeler-report-1"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).containsEntry("title", "Not allowed");
        assertThat((String) refused.getBody().get("detail")).contains("modeler").doesNotContain("Exception");
        assertThat(jdbc.queryForObject("select count(*) from threat where source_ref = 'modeler-report-1'", Long.class))
                .isZero();
    }

    @Test
    void shouldLetModelersProposeADeployment_andNobodyElse() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_AccessCheck"
                    targetNamespace="https://threatflow.io/test">
                  <bpmn:process id="access-check" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Started" />
                  </bpmn:process>
                </bpmn:definitions>""";
        assertThat(deploy("analyst", model).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("manager", model).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // a modeler's deployment is a playbook change that a second person reviews (playbook.PlaybookChangeHttpTest)
        assertThat(deploy("modeler", model).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private ResponseEntity<String> deploy(String user, String model) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "access-check");
        parts.add("deploy-changed-only", "true");
        parts.add("access-check.bpmn", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "access-check.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, ApiClient.PASSWORD).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
