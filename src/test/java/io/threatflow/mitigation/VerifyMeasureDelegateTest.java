package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MEASURE;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_EFFECTIVE;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyMeasureDelegateTest {

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final VerifyMeasureDelegate delegate = new VerifyMeasureDelegate(threats, actions);

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldRecordLocallyWhetherMeasureOfThisRoundHolds(boolean holds) {
        when(actions.verify(threat, new ActionKey("threat-1", ActionPurpose.CONTAINMENT, ActionType.BLOCK_PORT,
                "remediation-1", "mitigation-process-instance-1/containment-level-1")))
                .thenReturn(holds);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", CASE_ID.name(), "remediation-1",
                MEASURE.name(), "BLOCK_PORT", MITIGATION_MODE.name(), "CONTAINMENT", MITIGATION_LEVEL.name(), 1));

        delegate.execute(execution);

        assertThat(execution.getVariablesLocal()).containsEntry(MEASURE_EFFECTIVE.name(), holds);
    }

    @Test
    void shouldVerifyMeasureOfTheRightLevel() {
        when(actions.verify(threat, new ActionKey("threat-1", ActionPurpose.MITIGATION, ActionType.RAISE_MONITORING,
                "remediation-1", "mitigation-process-instance-1/long_term-level-3")))
                .thenReturn(true);
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", CASE_ID.name(), "remediation-1",
                MEASURE.name(), "RAISE_MONITORING", MITIGATION_MODE.name(), "LONG_TERM", MITIGATION_LEVEL.name(), 3));

        delegate.execute(execution);

        assertThat(execution.getVariableLocal(MEASURE_EFFECTIVE.name())).isEqualTo(true);
    }
}
