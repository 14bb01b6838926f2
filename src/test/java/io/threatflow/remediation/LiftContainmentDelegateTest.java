package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.ActionType;
import io.threatflow.testing.FakeExecution;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiftContainmentDelegateTest {

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final LiftContainmentDelegate delegate = new LiftContainmentDelegate(threats, actions);

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
    }

    @Test
    void shouldReverseOnlyContainmentMeasuresThatTookEffect() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.REJECTED),
                record(3, ActionType.RAISE_MONITORING, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(4, ActionType.DISABLE_ACCOUNT, ActionPurpose.MITIGATION, ActionStatus.APPLIED),
                record(5, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED),
                record(6, ActionType.DISABLE_ACCOUNT, ActionPurpose.CONTAINMENT, ActionStatus.INEFFECTIVE),
                record(7, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED)));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions).apply(threat, ActionType.RECONNECT_HOST, ActionPurpose.LIFT_CONTAINMENT, 1, lift(1));
        verify(actions).apply(threat, ActionType.ENABLE_ACCOUNT, ActionPurpose.LIFT_CONTAINMENT, 1, lift(6));
        verify(actions).apply(threat, ActionType.UNBLOCK_PORT, ActionPurpose.LIFT_CONTAINMENT, 1, lift(7));
        verify(actions, times(3)).apply(any(), any(), any(), anyInt(), anyString());
    }

    @Test
    void shouldLeaveContainmentOfAnotherCaseAlone() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, "earlier-case"),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, "other-case"),
                record(3, ActionType.DISABLE_ACCOUNT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions).apply(threat, ActionType.ENABLE_ACCOUNT, ActionPurpose.LIFT_CONTAINMENT, 1, lift(3));
        verify(actions, times(1)).apply(any(), any(), any(), anyInt(), anyString());
    }

    @Test
    void shouldLiftUnderItsOwnCase_whenALaterCaseContainedTheThreatAgain() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(8, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED,
                        "process-instance-2")));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1"), "threat-1", "process-instance-2"));

        verify(actions).apply(threat, ActionType.RECONNECT_HOST, ActionPurpose.LIFT_CONTAINMENT, 1,
                "case-process-instance-2/lift-8");
        verify(actions, times(1)).apply(any(), any(), any(), anyInt(), anyString());
    }

    @Test
    void shouldDoNothing_whenThereWasNoContainment() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(5, ActionType.PATCH_SOFTWARE, ActionPurpose.ERADICATION, ActionStatus.APPLIED)));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions, never()).apply(any(), any(), any(), anyInt(), anyString());
    }

    @Test
    void shouldKeepLifting_whenAReversalIsRejected() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));
        when(actions.apply(threat, ActionType.RECONNECT_HOST, ActionPurpose.LIFT_CONTAINMENT, 1, lift(1)))
                .thenThrow(new ActionRejectedException("asset legacy-hr-01 is not managed by ThreatFlow"));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions).apply(threat, ActionType.UNBLOCK_PORT, ActionPurpose.LIFT_CONTAINMENT, 1, lift(2));
    }

    @Test
    void shouldPropagateTechnicalFailure_soTheJobRetries() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));
        when(actions.apply(threat, ActionType.RECONNECT_HOST, ActionPurpose.LIFT_CONTAINMENT, 1, lift(1)))
                .thenThrow(new IllegalStateException("asset asset-1 has disappeared from the inventory"));

        assertThatThrownBy(() -> delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1"))))
                .isInstanceOf(IllegalStateException.class);
        verify(actions, never()).apply(threat, ActionType.UNBLOCK_PORT, ActionPurpose.LIFT_CONTAINMENT, 1, lift(2));
    }

    /** The occasion under which this case lifts the containment record {@code id}. */
    private static String lift(long id) {
        return "case-" + FakeExecution.PROCESS_INSTANCE_ID + "/lift-" + id;
    }

    private static ActionRecord record(long id, ActionType action, ActionPurpose purpose, ActionStatus status) {
        return record(id, action, purpose, status, FakeExecution.PROCESS_INSTANCE_ID);
    }

    private static ActionRecord record(long id, ActionType action, ActionPurpose purpose, ActionStatus status,
                                       String caseId) {
        return new ActionRecord(id, "threat-1", action, purpose, "legacy-hr-01", status, 1,
                "threat-1/" + purpose + "/" + action + "/case-" + caseId + "/containment-level-1", "detail",
                Instant.parse("2025-06-01T10:00:00Z"));
    }
}
