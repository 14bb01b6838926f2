package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RecordContainmentDelegateTest {

    private final ThreatService threats = mock(ThreatService.class);
    private final RecordContainmentDelegate delegate = new RecordContainmentDelegate(threats);

    @Test
    void shouldMarkThreatContained_andReportContainedOutcome() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        delegate.execute(execution);

        verify(threats).changeStatus("threat-1", ThreatStatus.CONTAINED);
        assertThat(MITIGATION_OUTCOME.from(execution)).isEqualTo("CONTAINED");
    }
}
