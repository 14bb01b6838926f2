package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.threatflow.testing.ApiClient;
import io.threatflow.testing.RawApi;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Service levels in the running application: the due times a reported case gets in the register and in
 * Tasklist, and an escalation that runs twice (a retried job) against the real register and notification
 * channel. The engine clock is never moved here (the shared context's job executor would see it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ServiceLevelsHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    EscalateOverdueDelegate escalateOverdue;

    ApiClient analyst;

    @BeforeEach
    void client() {
        analyst = new ApiClient(http, "analyst");
    }

    private String reportCritical(String asset) {
        return analyst.report(Map.of("title", "Ransomware note on " + asset, "type", "MALWARE", "asset", asset,
                "severity", "CRITICAL"));
    }

    @Test
    void shouldSetDueColumnsAndTriageDueDate_whenCriticalCaseIsReported() {
        String threatId = reportCritical("sla-due-01");
        String triage = analyst.awaitTask(threatId, TASK_TRIAGE_THREAT);

        Map<String, Object> threat = analyst.threat(threatId);
        assertThat(threat).containsEntry("severity", "CRITICAL");
        Instant reported = Instant.parse((String) threat.get("reportedAt"));
        Map<String, Instant> due = jdbc.sql("select triage_due_at, contain_due_at, resolve_due_at from threat where id = ?")
                .param(threatId).query((rs, n) -> Map.of(
                        "triage", rs.getObject(1, OffsetDateTime.class).toInstant(),
                        "contain", rs.getObject(2, OffsetDateTime.class).toInstant(),
                        "resolve", rs.getObject(3, OffsetDateTime.class).toInstant())).single();
        assertThat(due).containsEntry("triage", reported.plus(Duration.ofMinutes(15)))
                .containsEntry("contain", reported.plus(Duration.ofHours(1)))
                .containsEntry("resolve", reported.plus(Duration.ofHours(24)));

        ResponseEntity<Map<String, Object>> task = analyst.get("/engine-rest/task/" + triage);
        assertThat(task.getStatusCode()).isEqualTo(HttpStatus.OK);
        Instant taskDue = RawApi.engineDate(task.getBody().get("due"));
        // the engine keeps dates to the millisecond
        assertThat(taskDue).isEqualTo(reported.plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MILLIS));

        closeAsFalsePositive(threatId, triage);
    }

    @Test
    void shouldRecordNotifyAndRaisePriorityOnce_whenEscalationRunsTwice(CapturedOutput output) {
        String threatId = reportCritical("sla-escalate-01");
        String triage = analyst.awaitTask(threatId, TASK_TRIAGE_THREAT);
        Task task = engine.getTaskService().createTaskQuery().taskId(triage).singleResult();

        // what the timer on the triage task hands the escalation, run as a retried job would: twice
        escalateOverdue.execute(overdueTriage(threatId, task));
        escalateOverdue.execute(overdueTriage(threatId, task));

        assertThat(jdbc.sql("select count(*) from sla_breach where threat_id = ? and sla = 'TRIAGE'").param(threatId)
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select task_id from sla_breach where threat_id = ?").param(threatId).query(String.class)
                .single()).isEqualTo(triage);
        List<String> notifications = output.getOut().lines()
                .filter(line -> line.contains("Overdue (triage)") && line.contains("(threat " + threatId + ")")).toList();
        assertThat(notifications).as("the managers are told once").hasSize(1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(triage).singleResult().getPriority())
                .isEqualTo(EscalateOverdueDelegate.ESCALATED_PRIORITY);

        closeAsFalsePositive(threatId, triage);
    }

    private DelegateExecution overdueTriage(String threatId, Task task) {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), threatId, THREAT_TITLE.name(), "Ransomware",
                SEVERITY.name(), "CRITICAL", TRIAGE_DUE.name(), task.getDueDate(), BREACHED_SLA.name(), "TRIAGE",
                OVERDUE_TASK.name(), TASK_TRIAGE_THREAT), threatId, task.getProcessInstanceId());
        when(execution.getProcessEngineServices()).thenReturn(engine);
        return execution;
    }

    /** Ends the case, so its timers do not fire while the rest of the suite runs. */
    private void closeAsFalsePositive(String threatId, String triage) {
        analyst.submit(triage, Map.of("falsePositive", true, "severity", "LOW"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");
    }
}
