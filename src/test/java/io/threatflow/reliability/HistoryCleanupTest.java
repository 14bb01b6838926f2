package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The history of a finished case is kept for its time to live and then removed by the history cleanup. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryCleanupTest {

    private static final List<String> DECISIONS =
            List.of("threat-severity", "response-plan", "approval-policy", "mitigation-measures", "sla-policy",
                    "risk-acceptance-horizon");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    @Qualifier("historyRetention")
    ApplicationRunner historyRetention;

    @Test
    void shouldApplyConfiguredTimeToLive_toEveryThreatDefinition() throws Exception {
        // a model deployed with another time to live (an operator's change in Cockpit, an old version) gets the
        // configured one on the next start: the longest case (400 days) plus the time to live after its end (180)
        processDefinitions().forEach(definition -> repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 7));
        decisionDefinitions().forEach(definition -> repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), 7));

        historyRetention.run(new DefaultApplicationArguments());

        assertThat(processDefinitions()).extracting(ProcessDefinition::getKey)
                .contains(RemediationProcess.KEY, MitigationProcess.KEY);
        assertThat(processDefinitions()).allSatisfy(definition ->
                assertThat(definition.getHistoryTimeToLive()).as(definition.getId()).isEqualTo(580));
        assertThat(decisionDefinitions()).extracting(DecisionDefinition::getKey).containsAll(DECISIONS);
        assertThat(decisionDefinitions()).allSatisfy(definition ->
                assertThat(definition.getHistoryTimeToLive()).as(definition.getId()).isEqualTo(580));
    }

    private List<ProcessDefinition> processDefinitions() {
        return repository.createProcessDefinitionQuery()
                .processDefinitionKeysIn(RemediationProcess.KEY, MitigationProcess.KEY).list();
    }

    private List<DecisionDefinition> decisionDefinitions() {
        return DECISIONS.stream()
                .flatMap(key -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).list().stream())
                .toList();
    }

    @Test
    void shouldRemoveHistoryOfACase_onlyAfterItsTimeToLive() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "Scanner noise on cleanup-01", "type", "OTHER",
                "asset", "cleanup-01.corp"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", true, "severity", "LOW"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");
        String instance = (String) analyst.threat(threatId).get("processInstanceId");

        // the engine's clock is not moved (the job executor of the shared context would lock jobs in the
        // future); the removal time the engine stamped at the case's start shows the time to live instead: a case
        // that ends within the longest case's 400 days is kept at least 180 days after its end
        HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult();
        assertThat(Duration.between(finished.getStartTime().toInstant(), finished.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(580));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                .as("every step carries the case's removal time from its start")
                .allSatisfy(step -> assertThat(step.getRemovalTime()).isEqualTo(finished.getRemovalTime()));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .as("the decisions people made are kept, the timers' due times are not (TechnicalVariables)")
                .extracting(variable -> variable.getName())
                .contains("threatId", "falsePositive", "triageOutcome", "severity")
                .doesNotContain("triageDue", "resolveDue", "triageWithin", "epssPocThreshold");
        assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(instance).list())
                .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
                .contains("severity").doesNotContain("triageDue", "resolveDue");
        runCleanup();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
                .as("kept while its time to live runs").isOne();

        // once the removal time has passed the cleanup removes the case's history
        history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(Date.from(Instant.now().minusSeconds(60)))
                .byIds(instance).hierarchical().executeAsync();
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).singleResult().getRemovalTime().before(new Date()));
        runCleanup();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    private void runCleanup() {
        Job cleanup = history.cleanUpHistoryAsync(true);
        // run now, whatever the batch window, as an operator's immediate cleanup does; the job executor may
        // take the job first, and then this run loses the race after the cleanup has committed
        try {
            management.executeJob(cleanup.getId());
        } catch (OptimisticLockingException executorWasFirst) {
            // the cleanup ran in the job executor
        }
    }
}
