package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.PROCESS_INSTANCE_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReassignOverdueThreatDelegateTest {

    private static final String MITIGATION_INSTANCE = "mitigation-1";

    private final RuntimeService runtime = mock(RuntimeService.class);
    private final TaskService taskService = mock(TaskService.class);
    private final ProcessInstanceQuery calledInstances = mock(ProcessInstanceQuery.class, RETURNS_SELF);
    private final ReassignOverdueThreatDelegate delegate = new ReassignOverdueThreatDelegate();

    /** The case has the decision task open itself and a measure's task open in the mitigation it called. */
    @BeforeEach
    void openTasks() {
        when(runtime.createProcessInstanceQuery()).thenReturn(calledInstances);
        ProcessInstance mitigation = mock(ProcessInstance.class);
        when(mitigation.getId()).thenReturn(MITIGATION_INSTANCE);
        when(calledInstances.list()).thenReturn(List.of(mitigation));

        TaskQuery anyInstance = mock(TaskQuery.class);
        when(taskService.createTaskQuery()).thenReturn(anyInstance);
        TaskQuery ofCase = tasksOf(task("decide-1"));
        TaskQuery ofMitigation = tasksOf(task("measure-1"));
        when(anyInstance.processInstanceId(PROCESS_INSTANCE_ID)).thenReturn(ofCase);
        when(anyInstance.processInstanceId(MITIGATION_INSTANCE)).thenReturn(ofMitigation);
    }

    private static TaskQuery tasksOf(Task... tasks) {
        TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
        when(query.list()).thenReturn(List.of(tasks));
        return query;
    }

    private static Task task(String id) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        return task;
    }

    private DelegateExecution decided(String assignee, String group) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(THREAT_ID.name(), "threat-1");
        variables.put(OVERDUE_DECISION.name(), "REASSIGN");
        variables.put(REASSIGN_ASSIGNEE.name(), assignee);
        variables.put(REASSIGN_GROUP.name(), group);
        DelegateExecution execution = execution(variables);
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(execution.getProcessEngineServices()).thenReturn(services);
        when(services.getRuntimeService()).thenReturn(runtime);
        when(services.getTaskService()).thenReturn(taskService);
        return execution;
    }

    private static IdentityLink link(String type, String groupId, String userId) {
        IdentityLink link = mock(IdentityLink.class);
        when(link.getType()).thenReturn(type);
        when(link.getGroupId()).thenReturn(groupId);
        when(link.getUserId()).thenReturn(userId);
        return link;
    }

    @Test
    void shouldAssignEveryOpenTaskOfTheCaseAndItsMitigation_whenAssigneeIsChosen() {
        delegate.execute(decided(" analyst2 ", "analysts"));

        verify(calledInstances).superProcessInstanceId(PROCESS_INSTANCE_ID);
        verify(taskService).setAssignee("decide-1", "analyst2");
        verify(taskService).setAssignee("measure-1", "analyst2");
        verify(taskService, never()).addCandidateGroup(anyString(), anyString());
        verify(taskService, never()).deleteCandidateGroup(anyString(), anyString());
    }

    @Test
    void shouldReplaceCandidateGroupsOfEveryOpenTask_whenOnlyGroupIsChosen() {
        List<IdentityLink> decideLinks = List.of(link(IdentityLinkType.CANDIDATE, "managers", null));
        List<IdentityLink> measureLinks = List.of(link(IdentityLinkType.CANDIDATE, "analysts", null),
                link(IdentityLinkType.CANDIDATE, null, "analyst1"), link(IdentityLinkType.ASSIGNEE, null, "analyst1"));
        when(taskService.getIdentityLinksForTask("decide-1")).thenReturn(decideLinks);
        when(taskService.getIdentityLinksForTask("measure-1")).thenReturn(measureLinks);

        delegate.execute(decided("  ", "incident-responders"));

        verify(taskService).deleteCandidateGroup("decide-1", "managers");
        verify(taskService).addCandidateGroup("decide-1", "incident-responders");
        verify(taskService).deleteCandidateGroup("measure-1", "analysts");
        verify(taskService).addCandidateGroup("measure-1", "incident-responders");
        verify(taskService, never()).deleteCandidateUser(anyString(), anyString());
        verify(taskService, never()).setAssignee(anyString(), anyString());
    }
}
