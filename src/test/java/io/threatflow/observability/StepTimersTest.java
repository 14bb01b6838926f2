package io.threatflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.remediation.RemediationProcess;
import io.threatflow.remediation.Step;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;

/** Which step a case left, and after how long, read from its activity history. */
class StepTimersTest {

    private static HistoricActivityInstance activity(String id, String elementId, long startSecond) {
        HistoricActivityInstance activity = mock(HistoricActivityInstance.class);
        when(activity.getId()).thenReturn(id);
        when(activity.getActivityId()).thenReturn(elementId);
        when(activity.getStartTime()).thenReturn(new Date(startSecond * 1000));
        return activity;
    }

    private static final List<HistoricActivityInstance> CASE = List.of(
            activity("1", RemediationProcess.TASK_VALIDATE_REMEDIATION, 100),
            activity("2", "Gateway_ThreatPersists", 101),
            activity("3", RemediationProcess.TASK_ERADICATE_THREAT, 102),
            activity("4", RemediationProcess.TASK_VALIDATE_REMEDIATION, 110),
            activity("5", RemediationProcess.TASK_CONFIRM_CLOSURE, 120),
            activity("6", RemediationProcess.END_THREAT_ELIMINATED, 150));

    @Test
    void shouldTimeTheStepLeft_fromItsLatestEntry_throughUnassignedElements() {
        assertThat(StepTimers.endedStep(CASE, "3", new Date(102_000)))
                .hasValueSatisfying(ended -> {
                    assertThat(ended.step()).isEqualTo(Step.VALIDATE);
                    assertThat(ended.duration()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(StepTimers.endedStep(CASE, "4", new Date(110_000)))
                .hasValueSatisfying(ended -> assertThat(ended).isEqualTo(
                        new StepTimers.EndedStep(Step.ERADICATE, Duration.ofSeconds(8))));
    }

    @Test
    void shouldTimeTheLastStep_whenTheCaseEnds() {
        assertThat(StepTimers.endedStep(CASE, null, new Date(150_000)))
                .contains(new StepTimers.EndedStep(Step.VALIDATE, Duration.ofSeconds(40)));
    }

    @Test
    void shouldTimeTheMitigationOrderedByAManager_notChargeItToTheStepItInterrupted() {
        List<HistoricActivityInstance> ordered = List.of(
                activity("1", RemediationProcess.TASK_INVESTIGATE_THREAT, 100),
                activity("2", RemediationProcess.TASK_DECIDE_ON_OVERDUE_THREAT, 200),
                activity("3", RemediationProcess.CALL_MITIGATE_BY_ORDER, 300),
                activity("4", RemediationProcess.END_THREAT_MITIGATED, 400));
        assertThat(StepTimers.endedStep(ordered, null, new Date(400_000)))
                .contains(new StepTimers.EndedStep(Step.MITIGATION, Duration.ofSeconds(100)));
    }

    @Test
    void shouldTimeNothing_whenTheCaseStaysInItsStepOrTheActivityIsUnknown() {
        assertThat(StepTimers.endedStep(CASE, "5", new Date(120_000))).isEmpty();
        assertThat(StepTimers.endedStep(CASE, "1", new Date(100_000))).isEmpty();
        assertThat(StepTimers.endedStep(CASE, "no-such-instance", new Date(0))).isEmpty();
    }
}
