package io.threatflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * A small playbook of its own per test, deployed by the application: "Review case" version 1 (one review step) and
 * version 2 (the review renamed from {@code Task_ReviewCase} to {@code Task_AssessCase}, a step
 * {@code Task_ConfirmCase} added). Each test gets its own process key, so that its versions are 1 and 2 and
 * deleting them touches nothing else.
 */
public final class TestPlaybooks {

    public static final String REVIEW = "Task_ReviewCase";
    public static final String ASSESS = "Task_AssessCase";
    public static final String CONFIRM = "Task_ConfirmCase";

    /** A case of version 1 waiting in {@link #REVIEW}, assigned to {@code manager}, with version 2 deployed. */
    public record WaitingCase(String key, ProcessDefinition v1, ProcessDefinition v2, String caseId, String taskId) {
    }

    private TestPlaybooks() {
    }

    /** Deploys both versions under a new key and starts a case on version 1 with the variables. */
    public static WaitingCase waitingCase(ProcessEngineServices engine, Map<String, Object> variables) {
        String key = newKey();
        ProcessDefinition v1 = deploy(engine, key, 1);
        String caseId = engine.getRuntimeService().startProcessInstanceById(v1.getId(), variables).getId();
        TaskService tasks = engine.getTaskService();
        String taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
        tasks.setAssignee(taskId, "manager");
        return new WaitingCase(key, v1, deploy(engine, key, 2), caseId, taskId);
    }

    /**
     * The case runs on version 2 and kept its task (id, assignee) and variables, the review now {@link #ASSESS};
     * completing it leads to the step version 2 added, {@link #CONFIRM}.
     */
    public static void assertMovedToVersion2(ProcessEngineServices engine, WaitingCase waiting,
                                             Map<String, Object> variables) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.caseId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(waiting.v2().getId());
        Task moved = tasks.createTaskQuery().processInstanceId(waiting.caseId()).singleResult();
        assertThat(moved.getId()).isEqualTo(waiting.taskId());
        assertThat(moved.getTaskDefinitionKey()).isEqualTo(ASSESS);
        assertThat(moved.getAssignee()).isEqualTo("manager");
        assertThat(runtime.getVariables(waiting.caseId())).containsAllEntriesOf(variables);
        tasks.complete(moved.getId());
        assertThat(tasks.createTaskQuery().processInstanceId(waiting.caseId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(CONFIRM);
    }

    /** A new process key, e.g. {@code review-case-1a2b3c4d}. */
    public static String newKey() {
        return "review-case-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Deploys version {@code version} (1 or 2) of the review playbook under {@code key}, readable by managers as the
     * threat processes are; its definition.
     */
    public static ProcessDefinition deploy(ProcessEngineServices engine, String key, int version) {
        RepositoryService repository = engine.getRepositoryService();
        String bpmn = resource("/playbook/review-case-v" + version + ".bpmn").replace("PROCESS_KEY", key);
        String deploymentId = repository.createDeployment().name(key + " v" + version)
                .addString(key + ".bpmn", bpmn).deploy().getId();
        readableByManagers(engine.getAuthorizationService(), key);
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    /** Managers may read the process {@code key} and its cases, as they may the threat processes. */
    public static void readableByManagers(AuthorizationService authorizations, String key) {
        if (authorizations.createAuthorizationQuery().groupIdIn("managers").resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(key).count() == 0) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId("managers");
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(key);
            grant.addPermission(ProcessDefinitionPermissions.READ);
            grant.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
            authorizations.saveAuthorization(grant);
        }
    }

    /**
     * Deploys version {@code version} through the Java API as {@code userId} in {@code groups} (over
     * {@code /engine-rest/deployment/create} a deployment is a playbook change that waits for review); its deployment id.
     */
    public static String deployAs(ProcessEngineServices engine, String userId, List<String> groups, String key,
                                  int version) {
        String bpmn = resource("/playbook/review-case-v" + version + ".bpmn").replace("PROCESS_KEY", key);
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return engine.getRepositoryService().createDeployment().name(key + " v" + version)
                    .addString(key + ".bpmn", bpmn).deploy().getId();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String resource(String path) {
        try (InputStream in = TestPlaybooks.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
