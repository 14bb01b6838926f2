package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class CloseEliminatedDelegateTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final CloseEliminatedDelegate delegate = new CloseEliminatedDelegate(threats);

    @Test
    void shouldCloseThreatAsEliminated() {
        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(threats).changeStatus("threat-1", ThreatStatus.ELIMINATED);
    }

    @Test
    void shouldFailNamingThreatId_whenItIsNotSet() {
        assertThatThrownBy(() -> delegate.execute(execution(Map.of())))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessage("process variable 'threatId' is not set");
        verifyNoInteractions(threats);
    }
}
