package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ERADICATION_ATTEMPT;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATION_ROUND;
import static io.threatflow.remediation.RemediationProcess.REMEDIATION_ACTION;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;
import static io.threatflow.testing.FakeExecution.execution;
import static io.threatflow.testing.TestThreats.threat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.threat.Phase;
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
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EradicateThreatDelegateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final EradicateThreatDelegate delegate = new EradicateThreatDelegate(threats, actions,
            new PendingActions(actions, mock(RuntimeService.class), new PendingActionSettings(Duration.ofHours(4)),
                    Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
        when(actions.apply(any(), any(), anyInt())).thenAnswer(call -> logged(call.getArgument(1), ActionStatus.APPLIED));
    }

    @Test
    void shouldLeaveTheCaseWaitingForTheResult_untilTheTimeoutTellsTheManagers_whenTheTargetAcceptsForLater() {
        ActionKey key = new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT,
                "process-instance-1", "round-1/attempt-1");
        when(actions.apply(threat, key, 1)).thenReturn(logged(key, ActionStatus.PENDING));
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "CLOSE_PORT"));

        delegate.execute(execution);

        assertThat(PendingActions.ACTION_PENDING.from(execution)).isTrue();
        assertThat(PendingActions.PENDING_ACTION_ID.from(execution)).isEqualTo(key.actionId());
        assertThat(PendingActions.ACTION_RESULT_DUE.from(execution)).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
    }

    @Test
    void shouldNotWait_whenTheTargetAppliedTheActionAtOnce() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "CLOSE_PORT"));

        delegate.execute(execution);

        assertThat(PendingActions.ACTION_PENDING.from(execution)).isFalse();
        assertThat(PendingActions.PENDING_ACTION_ID.optionalFrom(execution)).isEmpty();
    }

    @Test
    void shouldApplyChosenAction_andMarkEradicated() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1", INVESTIGATION_ROUND.name(), 2,
                ERADICATION_ATTEMPT.name(), 1, REMEDIATION_ACTION.name(), "CLOSE_PORT"));

        delegate.execute(execution);

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT,
                "process-instance-1", "round-2/attempt-2"), 2);
        verify(threats).markPhase("threat-1", Phase.ERADICATED);
        assertThat(ERADICATION_ATTEMPT.from(execution)).isEqualTo(2);
    }

    @Test
    void shouldCountFirstAttemptOfFirstRound_whenNothingIsCountedYet() {
        DelegateExecution execution = execution(Map.of(THREAT_ID.name(), "threat-1",
                REMEDIATION_ACTION.name(), " PATCH_SOFTWARE "));

        delegate.execute(execution);

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.PATCH_SOFTWARE,
                "process-instance-1", "round-1/attempt-1"), 1);
        assertThat(ERADICATION_ATTEMPT.from(execution)).isEqualTo(1);
    }

    @Test
    void shouldApplyUnderOtherKey_inALaterCaseForTheSameThreat() {
        DelegateExecution laterCase = execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(),
                "CLOSE_PORT"), "threat-1", "process-instance-2");

        delegate.execute(laterCase);

        verify(actions).apply(threat, new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT,
                "process-instance-2", "round-1/attempt-1"), 1);
        verify(actions, never()).apply(threat,
                new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT, "process-instance-1",
                        "round-1/attempt-1"), 1);
    }

    @Test
    void shouldThrowActionRejected_whenTargetRefuses() {
        when(actions.apply(threat, new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT,
                "process-instance-1", "round-1/attempt-1"), 1))
                .thenThrow(new ActionRejectedException("asset legacy-hr-01 is not managed by ThreatFlow"));

        assertThatThrownBy(() -> delegate.execute(executionChoosing("CLOSE_PORT")))
                .isInstanceOfSatisfying(BpmnError.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo("ActionRejected");
                    assertThat(error.getMessage()).isEqualTo("asset legacy-hr-01 is not managed by ThreatFlow");
                });
        verify(threats, never()).markPhase(anyString(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldThrowActionRejected_whenNoActionWasChosen(String blank) {
        assertThatThrownBy(() -> delegate.execute(executionChoosing(blank)))
                .isInstanceOfSatisfying(BpmnError.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo(RemediationProcess.ERROR_ACTION_REJECTED);
                    assertThat(error.getMessage()).isEqualTo("no remediation action was chosen for this threat");
                });
        verifyNothingApplied();
    }

    @Test
    void shouldThrowActionRejected_whenActionVariableIsMissing() {
        assertThatThrownBy(() -> delegate.execute(execution(Map.of(THREAT_ID.name(), "threat-1"))))
                .isInstanceOfSatisfying(BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo("ActionRejected"));
        verifyNothingApplied();
    }

    @ParameterizedTest
    @ValueSource(strings = {"REBOOT_HOST", "close_port", "ISOLATE_HOST", "RAISE_MONITORING", "NOTIFY_STAKEHOLDERS"})
    void shouldThrowActionRejected_whenActionIsNoRemediationAction(String action) {
        assertThatThrownBy(() -> delegate.execute(executionChoosing(action)))
                .isInstanceOfSatisfying(BpmnError.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo("ActionRejected");
                    assertThat(error.getMessage()).startsWith("'" + action + "' is not a remediation action")
                            .contains("PATCH_SOFTWARE", "CLOSE_PORT");
                });
        verifyNothingApplied();
    }

    @Test
    void shouldPropagateTechnicalFailure_soTheJobRetries() {
        IllegalStateException outage = new IllegalStateException("asset asset-1 has disappeared from the inventory");
        when(actions.apply(threat, new ActionKey("threat-1", ActionPurpose.ERADICATION, ActionType.CLOSE_PORT,
                "process-instance-1", "round-1/attempt-1"), 1))
                .thenThrow(outage);

        assertThatThrownBy(() -> delegate.execute(executionChoosing("CLOSE_PORT"))).isSameAs(outage);
        verify(threats, never()).markPhase(anyString(), any());
    }

    private static DelegateExecution executionChoosing(String action) {
        return execution(Map.of(THREAT_ID.name(), "threat-1", REMEDIATION_ACTION.name(), action));
    }

    private void verifyNothingApplied() {
        verify(actions, never()).apply(any(), any(), anyInt());
        verify(threats, never()).markPhase(anyString(), any());
    }

    /** The action log's line for {@code key}, as {@link ActionService#apply} returns it. */
    private static ActionRecord logged(ActionKey key, ActionStatus status) {
        return new ActionRecord(1, key.threatId(), key.action(), key.purpose(), "host-1", status, 1, key.value(),
                key.caseId(), "webhook https://soar.example answered", NOW, null);
    }
}
