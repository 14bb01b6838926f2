package io.threatflow.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.any;
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
import org.camunda.bpm.engine.RuntimeService;
import java.util.Date;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.Duration;
import java.time.Clock;
import io.threatflow.action.PendingActions;
import io.threatflow.action.PendingActionSettings;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.ActionRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyMeasureDelegateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Threat threat = threat(ThreatType.MALWARE).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final ApplyMeasureDelegate delegate = new ApplyMeasureDelegate(threats, actions,
            new PendingActions(actions, mock(RuntimeService.class), new PendingActionSettings(Duration.ofMinutes(30)),
                    Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
        when(actions.apply(any(), any(), anyInt())).thenAnswer(call -> logged(call.getArgument(1), ActionStatus.APPLIED));
    }

    @Test
    void shouldLeaveTheMeasureWaitingForTheResult_whenTheTargetAcceptsForLater() {
        ActionKey key = new ActionKey("threat-1", ActionPurpose.CONTAINMENT, ActionType.ISOLATE_HOST,
                "remediation-1", "mitigation-process-instance-1/containment-level-1");
        when(actions.apply(threat, key, 1)).thenReturn(logged(key, ActionStatus.PENDING));
        DelegateExecution execution = isolating("CONTAINMENT", 1);

        delegate.execute(execution);

        assertThat(PendingActions.ACTION_PENDING.from(execution)).isTrue();
        assertThat(PendingActions.PENDING_ACTION_ID.from(execution)).isEqualTo(key.actionId());
        assertThat(PendingActions.ACTION_RESULT_DUE.from(execution)).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(30))));
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

    /** The action log's line for {@code key}, as {@link ActionService#apply} returns it. */
    private static ActionRecord logged(ActionKey key, ActionStatus status) {
        return new ActionRecord(1, key.threatId(), key.action(), key.purpose(), "host-1", status, 1, key.value(),
                key.caseId(), "webhook https://soar.example answered", NOW, null);
    }
}
