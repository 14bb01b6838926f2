package io.threatflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.remediation.RemediationProcess;
import io.threatflow.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The history of a finished case is kept for its time to live and then removed by the history cleanup. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryCleanupTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldApplyConfiguredTimeToLive_toEveryThreatDefinition() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(RemediationProcess.KEY).list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("threat-severity").list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
    }

    @Test
    void shouldRemoveHistoryOfACase_onlyAfterItsTimeToLive() {
        ApiClient analyst = new ApiClient(http, "analyst");
        String threatId = analyst.report(Map.of("title", "Scanner noise on cleanup-01", "type", "OTHER",
                "asset", "cleanup-01.corp"));
        analyst.submit(analyst.awaitTask(threatId, "Task_TriageThreat"), Map.of("falsePositive", true, "severity", "LOW"));
        analyst.awaitClosed(threatId, "FALSE_POSITIVE");
        String instance = (String) analyst.threat(threatId).get("processInstanceId");

        runCleanupAt(Instant.now().plus(Duration.ofDays(179)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();

        runCleanupAt(Instant.now().plus(Duration.ofDays(181)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    private void runCleanupAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
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
