package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.NotificationPort;
import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.sla.Sla;
import io.threatflow.sla.SlaBreached;
import io.threatflow.sla.SlaBreaches;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateOverdueTriage}, {@code Task_EscalateOverdueInvestigation} (after the non-interrupting
 * timers on the two tasks) and {@code Task_RecordResolutionBreach}: records the breach of the service level
 * named by the input {@code breachedSla}, tells the managers the first time, and moves the overdue task
 * named by the input {@code overdueTask} to the top of Tasklist. The work on the task goes on untouched.
 */
@Component("escalateOverdue")
class EscalateOverdueDelegate implements JavaDelegate {

    /** Tasklist's highest customary priority; a task already above it keeps its own. */
    static final int ESCALATED_PRIORITY = 100;

    private final SlaBreaches breaches;
    private final NotificationPort notifications;

    EscalateOverdueDelegate(SlaBreaches breaches, NotificationPort notifications) {
        this.breaches = breaches;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Sla sla = Sla.valueOf(BREACHED_SLA.from(execution));
        String threatId = THREAT_ID.from(execution);
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        List<Task> overdue = OVERDUE_TASK.optionalFrom(execution)
                .map(key -> taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(key).active().list())
                .orElse(List.of());
        SlaBreached breach = breaches.record(threatId, sla, SEVERITY.from(execution),
                dueAt(execution, sla).toInstant(), overdue.isEmpty() ? null : overdue.get(0).getId());
        if (breach != null) {
            notifications.send(new Notification(threatId, Audience.groups(NotifyStakeholdersDelegate.MANAGERS),
                    "Overdue (" + sla.name().toLowerCase() + "): " + THREAT_TITLE.from(execution, threatId),
                    "Severity %s, %s was due at %s.".formatted(breach.severity(), sla.name().toLowerCase(),
                            breach.dueAt())));
        }
        for (Task task : overdue) {
            if (task.getPriority() < ESCALATED_PRIORITY) {
                taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
            }
        }
    }

    private static Date dueAt(DelegateExecution execution, Sla sla) {
        return switch (sla) {
            case TRIAGE -> TRIAGE_DUE.from(execution);
            case CONTAINMENT -> CONTAIN_DUE.optionalFrom(execution).orElseThrow(() -> new ProcessEngineException(
                    "a containment breach needs 'containDue', and the case has none"));
            case RESOLUTION -> RESOLVE_DUE.from(execution);
        };
    }
}
