package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloseFalsePositiveDelegateTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final CloseFalsePositiveDelegate delegate = new CloseFalsePositiveDelegate(threats);

    @Test
    void shouldCloseThreatAsFalsePositive() {
        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(threats).changeStatus("threat-1", ThreatStatus.FALSE_POSITIVE);
        verifyNoMoreInteractions(threats);
    }
}
