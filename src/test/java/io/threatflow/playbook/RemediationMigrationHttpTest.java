package io.threatflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.testing.RawApi;
import io.threatflow.testing.TestPlaybooks;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real remediation model moves too: a copy of {@code threat-remediation} under a key of its own (so that no other
 * test's cases start on it), and a version 2 of it made by changing its XML as a modeler would: the triage renamed
 * ({@code Task_TriageThreat} is now {@code Task_TriageReport}) and a step "Review triage" added after it. A case
 * waiting in triage, with its overdue timer, moves with an explicit mapping and then runs on version 2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RemediationMigrationHttpTest {

    private static final String API = "/api/playbooks/migrations";
    private static final String TRIAGE = "Task_TriageThreat";
    private static final String RENAMED_TRIAGE = "Task_TriageReport";
    private static final String ADDED_STEP = "Task_ReviewTriage";
    private static final List<String> RESOURCES = List.of("processes/threat-severity.dmn", "processes/sla-policy.dmn",
            "processes/response-plan.dmn", "processes/approval-policy.dmn", "forms/report-threat.form",
            "forms/triage-threat.form", "forms/investigate-threat.form", "forms/approve-eradication.form",
            "forms/confirm-validation.form", "forms/confirm-closure.form", "forms/decide-overdue-threat.form");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ThreatService threats;
    @Autowired
    AuthorizationService authorizations;

    @Test
    void shouldMoveARemediationCaseWaitingInTriageToAVersionThatRenamesTheTriageAndAddsAStep() {
        String key = "threat-remediation-copy-" + UUID.randomUUID().toString().substring(0, 8);
        String version1 = resource("processes/threat-remediation.bpmn").replace("\"threat-remediation\"", "\"" + key + "\"");
        String version2 = version1.replace(TRIAGE, RENAMED_TRIAGE).replace("name=\"Triage threat\"", "name=\"Triage report\"")
                .replace("<bpmn:sequenceFlow id=\"SequenceFlow_ThreatTriaged\" sourceRef=\"" + RENAMED_TRIAGE
                                + "\" targetRef=\"Gateway_FalsePositive\" />",
                        "<bpmn:sequenceFlow id=\"SequenceFlow_ThreatTriaged\" sourceRef=\"" + RENAMED_TRIAGE
                                + "\" targetRef=\"" + ADDED_STEP + "\" />"
                                + "<bpmn:userTask id=\"" + ADDED_STEP + "\" name=\"Review triage\" "
                                + "camunda:candidateGroups=\"managers\" />"
                                + "<bpmn:sequenceFlow id=\"SequenceFlow_TriageReviewed\" sourceRef=\"" + ADDED_STEP
                                + "\" targetRef=\"Gateway_FalsePositive\" />");
        assertThat(version2).contains(ADDED_STEP).doesNotContain(TRIAGE);
        ProcessDefinition v1 = deploy(key, version1);

        String threatId = threats.register(new NewThreat("Migrated while in triage", ThreatType.MALWARE,
                "migration-" + UUID.randomUUID(), null, null, null, null, null, null, null, false)).id();
        String caseId = runtime.createProcessInstanceById(v1.getId()).businessKey(threatId)
                .setVariable("threatId", threatId)
                .setVariable("triageDue", Date.from(Instant.now().plus(Duration.ofDays(1))))
                .startBeforeActivity(TRIAGE).execute().getId();
        Task triage = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
        tasks.setAssignee(triage.getId(), "analyst");
        ProcessDefinition v2 = deploy(key, version2);
        RawApi manager = RawApi.as(http, "manager");

        Map<String, Object> generated = manager.postJson(API + "/plan", Map.of("sourceDefinitionId", v1.getId(),
                "targetDefinitionId", v2.getId())).json();
        assertThat(generated).containsEntry("ready", false);
        assertThat(generated.get("unmapped").toString()).contains(TRIAGE, "Triage threat");

        Map<String, Object> request = Map.of("sourceDefinitionId", v1.getId(), "targetDefinitionId", v2.getId(),
                "mappings", Map.of(TRIAGE, RENAMED_TRIAGE));
        Map<String, Object> plan = manager.postJson(API + "/plan", request).json();
        assertThat(plan).as(plan.toString()).containsEntry("ready", true);
        RawApi.Answer started = manager.postJson(API, request);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String batchId = (String) started.json().get("batchId");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Boolean.TRUE.equals(manager.get(API + "/" + batchId).json().get("finished")));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId())
                .isEqualTo(v2.getId());
        Task moved = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
        assertThat(moved.getId()).isEqualTo(triage.getId());
        assertThat(moved.getTaskDefinitionKey()).isEqualTo(RENAMED_TRIAGE);
        assertThat(moved.getAssignee()).isEqualTo("analyst");
        assertThat(runtime.getVariable(caseId, "threatId")).isEqualTo(threatId);
        // the overdue timer moved with the task
        assertThat(management.createJobQuery().processInstanceId(caseId).timers().activityId("BoundaryEvent_TriageOverdue")
                .singleResult().getProcessDefinitionId()).isEqualTo(v2.getId());

        tasks.complete(moved.getId(), Map.of("falsePositive", false, "severity", "HIGH"));
        assertThat(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey())
                .isEqualTo(ADDED_STEP);
    }

    private ProcessDefinition deploy(String key, String bpmn) {
        DeploymentBuilder deployment = repository.createDeployment().name(key).addString(key + ".bpmn", bpmn);
        RESOURCES.forEach(name -> deployment.addString(name.substring(name.indexOf('/') + 1), resource(name)));
        TestPlaybooks.readableByManagers(authorizations, key);
        return repository.createProcessDefinitionQuery().deploymentId(deployment.deploy().getId()).singleResult();
    }

    private static String resource(String name) {
        try (InputStream in = RemediationMigrationHttpTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
