package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class CloseThreatEliminatedDelegateTest {

    private static final Instant NOW = Instant.parse("2027-03-31T00:01:00Z");

    @Test
    void shouldEndTheAcceptance_andCloseTheThreatAsEliminated() {
        ThreatService threats = mock(ThreatService.class);
        RiskAcceptanceRepository acceptances = mock(RiskAcceptanceRepository.class);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1"));

        new CloseThreatEliminatedDelegate(threats, acceptances, Clock.fixed(NOW, ZoneOffset.UTC)).execute(execution);

        InOrder order = inOrder(acceptances, threats);
        order.verify(acceptances).end("threat-1", RiskAcceptance.Ended.ELIMINATED, NOW);
        order.verify(threats).changeStatus("threat-1", ThreatStatus.ELIMINATED);
        assertThat(MITIGATION_OUTCOME.from(execution)).isEqualTo("ELIMINATED");
    }
}
