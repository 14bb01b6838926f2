package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordAssessedSeverityListenerTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordAssessedSeverityListener listener = new RecordAssessedSeverityListener(threats);

    @Test
    void shouldRecordDecidedSeverity_inTheRegister() {
        listener.notify(execution(Map.of(THREAT_ID.name(), "threat-1", SEVERITY.name(), "HIGH")));

        verify(threats).recordSeverity("threat-1", Severity.HIGH);
    }
}
