package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.SIGHTING_REPORTED_BY;
import static io.threatflow.remediation.RemediationProcess.SIGHTING_SEVERITY;
import static io.threatflow.remediation.RemediationProcess.SIGHTING_SOURCE;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RecordSightingDelegateTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordSightingDelegate delegate = new RecordSightingDelegate(threats);

    @Test
    void shouldRaiseTheCasesSeverity_whenTheSightingRatesTheThreatHigher() {
        when(threats.recordSighting("threat-1", "scanner", null, Severity.CRITICAL, "bob")).thenReturn(Severity.CRITICAL);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "MEDIUM",
                SIGHTING_SOURCE.name(), "scanner", SIGHTING_SEVERITY.name(), "CRITICAL",
                SIGHTING_REPORTED_BY.name(), "bob"));

        delegate.execute(execution);

        assertThat(execution.getVariable(SEVERITY.name())).isEqualTo("CRITICAL");
    }

    @Test
    void shouldKeepTheCasesSeverity_whenTheSightingCarriesNoRating() {
        when(threats.recordSighting("threat-1", null, null, null, null)).thenReturn(Severity.HIGH);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH"));

        delegate.execute(execution);

        verify(threats).recordSighting("threat-1", null, null, null, null);
        assertThat(execution.getVariable(SEVERITY.name())).isEqualTo("HIGH");
    }
}
