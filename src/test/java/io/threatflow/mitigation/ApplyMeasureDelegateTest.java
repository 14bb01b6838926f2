package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MEASURE;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyMeasureDelegateTest {

    private final Threat threat = threat(ThreatType.MALWARE).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final ApplyMeasureDelegate delegate = new ApplyMeasureDelegate(threats, actions);

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
    }

    @Test
    void shouldApplyMeasure_asContainmentOfItsLevel() {
        delegate.execute(isolating("CONTAINMENT", 1));

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.CONTAINMENT, ActionType.ISOLATE_HOST,
                "remediation-1", "mitigation-process-instance-1/containment-level-1"), 1);
    }

    @Test
    void shouldApplyMeasure_asMitigationOfItsLevel() {
        delegate.execute(isolating("LONG_TERM", 2));

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.MITIGATION, ActionType.ISOLATE_HOST,
                "remediation-1", "mitigation-process-instance-1/long_term-level-2"), 1);
    }

    @Test
    void shouldApplyMeasureAnew_inALaterCase() {
        delegate.execute(isolating("remediation-2", "CONTAINMENT", 1));

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.CONTAINMENT, ActionType.ISOLATE_HOST,
                "remediation-2", "mitigation-process-instance-1/containment-level-1"), 1);
    }

    @Test
    void shouldCarryOn_whenTargetRefusesMeasure() {
        when(actions.apply(threat, new ActionKey("threat-1", ActionPurpose.MITIGATION, ActionType.ISOLATE_HOST,
                "remediation-1", "mitigation-process-instance-1/long_term-level-1"), 1))
                .thenThrow(new ActionRejectedException("asset legacy-hr-01 is not managed by ThreatFlow"));

        assertThatCode(() -> delegate.execute(isolating("LONG_TERM", 1))).doesNotThrowAnyException();
        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.MITIGATION, ActionType.ISOLATE_HOST,
                "remediation-1", "mitigation-process-instance-1/long_term-level-1"), 1);
    }

    @Test
    void shouldPropagateTechnicalFailure_soTheJobRetries() {
        IllegalStateException outage = new IllegalStateException("asset asset-1 has disappeared from the inventory");
        when(actions.apply(threat, new ActionKey("threat-1", ActionPurpose.MITIGATION, ActionType.ISOLATE_HOST,
                "remediation-1", "mitigation-process-instance-1/long_term-level-1"), 1))
                .thenThrow(outage);

        assertThatThrownBy(() -> delegate.execute(isolating("LONG_TERM", 1))).isSameAs(outage);
    }

    @Test
    void shouldFail_whenMeasureIsNoAction() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", CASE_ID.name(), "remediation-1",
                MEASURE.name(), "PRAY", MITIGATION_MODE.name(), "LONG_TERM"));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DelegateExecution isolating(String mode, int level) {
        return isolating("remediation-1", mode, level);
    }

    private static DelegateExecution isolating(String caseId, String mode, int level) {
        return execution(Map.of(THREAT_ID.name(), "threat-1", CASE_ID.name(), caseId, MEASURE.name(), "ISOLATE_HOST",
                MITIGATION_MODE.name(), mode, MITIGATION_LEVEL.name(), level));
    }
}
