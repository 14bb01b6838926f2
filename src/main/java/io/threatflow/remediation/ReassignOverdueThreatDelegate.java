package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReassignOverdueThreat}: a manager handed the overdue case to someone else. Every open user
 * task of the case, also those of a mitigation it called, goes to the chosen user, or is offered to the
 * chosen group instead of its former candidate groups.
 */
@Component("reassignOverdueThreat")
class ReassignOverdueThreatDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String assignee = REASSIGN_ASSIGNEE.optionalFrom(execution).filter(s -> !s.isBlank()).map(String::trim)
                .orElse(null);
        String group = REASSIGN_GROUP.optionalFrom(execution).filter(s -> !s.isBlank()).map(String::trim)
                .orElse(null);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : openTasks(execution)) {
            if (assignee != null) {
                tasks.setAssignee(task.getId(), assignee);
            } else {
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                    }
                }
                tasks.addCandidateGroup(task.getId(), group);
            }
        }
    }

    private static List<Task> openTasks(DelegateExecution execution) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        List<String> instances = new ArrayList<>(List.of(execution.getProcessInstanceId()));
        runtime.createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId()).list().stream()
                .map(ProcessInstance::getId).forEach(instances::add);
        List<Task> open = new ArrayList<>();
        for (String instance : instances) {
            open.addAll(tasks.createTaskQuery().processInstanceId(instance).active().list());
        }
        return open;
    }
}
