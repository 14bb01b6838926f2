package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionKey;
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
        when(actions.history("threat-1", FakeExecution.PROCESS_INSTANCE_ID)).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.REJECTED),
                record(3, ActionType.RAISE_MONITORING, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(4, ActionType.DISABLE_ACCOUNT, ActionPurpose.MITIGATION, ActionStatus.APPLIED),
                record(5, ActionType.CLOSE_PORT, ActionPurpose.ERADICATION, ActionStatus.APPLIED),
                record(6, ActionType.DISABLE_ACCOUNT, ActionPurpose.CONTAINMENT, ActionStatus.INEFFECTIVE),
                record(7, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.APPLIED)));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions).apply(threat, lift(ActionType.RECONNECT_HOST, 1), 1);
        verify(actions).apply(threat, lift(ActionType.ENABLE_ACCOUNT, 6), 1);
        verify(actions).apply(threat, lift(ActionType.UNBLOCK_PORT, 7), 1);
        verify(actions, times(3)).apply(any(), any(), anyInt());
    }

    @Test
    void shouldLeaveContainmentOfAnotherCaseAlone_byReadingOnlyItsOwnCasesActions() {
        when(actions.history("threat-1")).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, "earlier-case"),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED, "other-case"),
                record(3, ActionType.DISABLE_ACCOUNT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));
        when(actions.history("threat-1", FakeExecution.PROCESS_INSTANCE_ID)).thenReturn(List.of(
                record(3, ActionType.DISABLE_ACCOUNT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions).apply(threat, lift(ActionType.ENABLE_ACCOUNT, 3), 1);
        verify(actions, times(1)).apply(any(), any(), anyInt());
    }

    @Test
    void shouldLiftUnderItsOwnCase_whenALaterCaseContainedTheThreatAgain() {
        when(actions.history("threat-1", FakeExecution.PROCESS_INSTANCE_ID)).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));
        when(actions.history("threat-1", "process-instance-2")).thenReturn(List.of(
                record(8, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED,
                        "process-instance-2")));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1"), "threat-1", "process-instance-2"));

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.LIFT_CONTAINMENT,
                ActionType.RECONNECT_HOST, "process-instance-2", "lift-8"), 1);
        verify(actions, times(1)).apply(any(), any(), anyInt());
    }

    @Test
    void shouldDoNothing_whenThereWasNoContainment() {
        when(actions.history("threat-1", FakeExecution.PROCESS_INSTANCE_ID)).thenReturn(List.of(
                record(5, ActionType.PATCH_SOFTWARE, ActionPurpose.ERADICATION, ActionStatus.APPLIED)));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions, never()).apply(any(), any(), anyInt());
    }

    @Test
    void shouldKeepLifting_whenAReversalIsRejected() {
        when(actions.history("threat-1", FakeExecution.PROCESS_INSTANCE_ID)).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));
        when(actions.apply(threat, lift(ActionType.RECONNECT_HOST, 1), 1))
                .thenThrow(new ActionRejectedException("asset legacy-hr-01 is not managed by ThreatFlow"));

        delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1")));

        verify(actions).apply(threat, lift(ActionType.UNBLOCK_PORT, 2), 1);
    }

    @Test
    void shouldPropagateTechnicalFailure_soTheJobRetries() {
        when(actions.history("threat-1", FakeExecution.PROCESS_INSTANCE_ID)).thenReturn(List.of(
                record(1, ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED),
                record(2, ActionType.BLOCK_PORT, ActionPurpose.CONTAINMENT, ActionStatus.VERIFIED)));
        when(actions.apply(threat, lift(ActionType.RECONNECT_HOST, 1), 1))
                .thenThrow(new IllegalStateException("asset asset-1 has disappeared from the inventory"));

        assertThatThrownBy(() -> delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1"))))
                .isInstanceOf(IllegalStateException.class);
        verify(actions, never()).apply(threat, lift(ActionType.UNBLOCK_PORT, 2), 1);
    }

    /** The key under which this case lifts the containment record {@code id} by its reversal. */
    private static ActionKey lift(ActionType reversal, long id) {
        return new ActionKey("threat-1", ActionPurpose.LIFT_CONTAINMENT, reversal, FakeExecution.PROCESS_INSTANCE_ID,
                "lift-" + id);
    }

    private static ActionRecord record(long id, ActionType action, ActionPurpose purpose, ActionStatus status) {
        return record(id, action, purpose, status, FakeExecution.PROCESS_INSTANCE_ID);
    }

    private static ActionRecord record(long id, ActionType action, ActionPurpose purpose, ActionStatus status,
                                       String caseId) {
        return new ActionRecord(id, "threat-1", action, purpose, "legacy-hr-01", status, 1,
                "threat-1/" + purpose + "/" + action + "/case-" + caseId + "/containment-level-1", caseId, "detail",
                Instant.parse("2025-06-01T10:00:00Z"), null);
    }
}
