package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RecordAssessedSeverityListenerTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordAssessedSeverityListener listener = new RecordAssessedSeverityListener(threats);

    @Test
    void shouldRecordDecidedSeverity_whenNothingRatedTheThreatYet() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).severity(null).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH"));

        listener.notify(execution);

        verify(threats).recordSeverity("threat-1", Severity.HIGH);
        assertThat(execution.getVariable(SEVERITY.name())).isEqualTo("HIGH");
    }

    @Test
    void shouldKeepTheHigherRating_whenASightingRaisedTheThreatAboveTheDecision() {
        when(threats.get("threat-1")).thenReturn(threat(ThreatType.VULNERABILITY).severity(Severity.CRITICAL).build());
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "MEDIUM"));

        listener.notify(execution);

        verify(threats).recordSeverity("threat-1", Severity.CRITICAL);
        assertThat(execution.getVariable(SEVERITY.name())).isEqualTo("CRITICAL");
    }
}
