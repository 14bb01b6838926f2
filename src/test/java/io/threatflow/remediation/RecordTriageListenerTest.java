package io.threatflow.remediation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.HashMap;
import static org.assertj.core.api.Assertions.assertThat;
import static io.threatflow.remediation.RemediationProcess.FALSE_POSITIVE;
import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeTask.task;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.threatflow.threat.Phase;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class RecordTriageListenerTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordTriageListener listener = new RecordTriageListener(threats);

    @Test
    void shouldRecordAnalystsSeverity_andMarkTriaged() {
        listener.notify(task(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "CRITICAL"), "alice", null));

        verify(threats).recordSeverity("threat-1", Severity.CRITICAL);
        verify(threats).markPhase("threat-1", Phase.TRIAGED);
    }

    @Test
    void shouldNameSeverity_andRecordNothing_whenSeverityIsUnknown() {
        assertThatThrownBy(() -> listener.notify(
                task(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "SEVERE"), "alice", null)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("'severity' must be one of [LOW, MEDIUM, HIGH, CRITICAL], not 'SEVERE'");
        verifyNoInteractions(threats);
    }

    @Test
    void shouldLetTheRegistersRefusalThrough_unchanged_andNotMarkTriaged() {
        IllegalArgumentException refusal = new IllegalArgumentException("threat threat-1 is closed");
        doThrow(refusal).when(threats).recordSeverity("threat-1", Severity.HIGH);

        assertThatThrownBy(() -> listener.notify(
                task(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH"), "alice", null)))
                .isSameAs(refusal);
        verify(threats, never()).markPhase(any(), any());
    }

    @Test
    void shouldConfirmTheThreat_whenTriageIsCompletedWithoutAnAnswerOnFalsePositive() {
        DelegateTask task = task(new HashMap<>(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "LOW")), "alice", null);

        listener.notify(task);

        assertThat(RemediationProcess.TRIAGE_OUTCOME.from(task)).isEqualTo(RemediationProcess.TriageOutcome.CONFIRMED);
    }

    @Test
    void shouldRefuseAnAnswerOnFalsePositiveThatIsNotYesOrNo_andRecordNothing() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "LOW",
                FALSE_POSITIVE.name(), "maybe"), "alice", null)))
                .hasMessage("'falsePositive' must be true or false, not 'maybe'");
        verifyNoInteractions(threats);
    }

    @Test
    void shouldKeepTheAnalystsAnswer_onFalsePositive() {
        DelegateTask task = task(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "LOW", FALSE_POSITIVE.name(), true),
                "alice", null);

        listener.notify(task);

        assertThat(RemediationProcess.TRIAGE_OUTCOME.from(task)).isEqualTo(RemediationProcess.TriageOutcome.FALSE_POSITIVE);
    }
}
