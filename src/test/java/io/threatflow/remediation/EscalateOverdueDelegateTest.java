package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.NotificationPort;
import io.threatflow.action.NotificationPort.Audience;
import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.sla.Sla;
import io.threatflow.sla.SlaBreached;
import io.threatflow.sla.SlaBreaches;
import io.threatflow.threat.Severity;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

class EscalateOverdueDelegateTest {

    private static final Instant DUE = Instant.parse("2026-03-02T09:15:00Z");

    private final SlaBreaches breaches = mock(SlaBreaches.class);
    private final NotificationPort notifications = mock(NotificationPort.class);
    private final TaskService taskService = mock(TaskService.class);
    private final TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
    private final EscalateOverdueDelegate delegate = new EscalateOverdueDelegate(breaches, notifications);

    private DelegateExecution overdueTriage(Task... open) {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", THREAT_TITLE.name(), "Log4Shell",
                SEVERITY.name(), "CRITICAL", TRIAGE_DUE.name(), Date.from(DUE), BREACHED_SLA.name(), "TRIAGE",
                OVERDUE_TASK.name(), TASK_TRIAGE_THREAT));
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(execution.getProcessEngineServices()).thenReturn(services);
        when(services.getTaskService()).thenReturn(taskService);
        when(taskService.createTaskQuery()).thenReturn(query);
        when(query.list()).thenReturn(List.of(open));
        return execution;
    }

    private static Task task(String id, int priority) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        when(task.getPriority()).thenReturn(priority);
        return task;
    }

    @Test
    void shouldRecordNotifyAndRaisePriority_whenBreachIsNew() {
        when(breaches.record("threat-1", Sla.TRIAGE, Severity.CRITICAL, DUE, "task-1"))
                .thenReturn(new SlaBreached("threat-1", Sla.TRIAGE, Severity.CRITICAL, DUE, DUE.plusSeconds(60)));

        delegate.execute(overdueTriage(task("task-1", 50)));

        verify(query).taskDefinitionKey(TASK_TRIAGE_THREAT);
        verify(notifications).send(new Notification("threat-1", Audience.groups("managers"),
                "Overdue (triage): Log4Shell", "Severity CRITICAL, triage was due at 2026-03-02T09:15:00Z."));
        verify(taskService).setPriority("task-1", EscalateOverdueDelegate.ESCALATED_PRIORITY);
    }

    @Test
    void shouldNotNotifyAgainNorLowerPriority_whenBreachWasRecordedBefore() {
        delegate.execute(overdueTriage(task("task-1", 200)));

        verify(breaches).record("threat-1", Sla.TRIAGE, Severity.CRITICAL, DUE, "task-1");
        verify(notifications, never()).send(any());
        verify(taskService, never()).setPriority(anyString(), anyInt());
    }
}
