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
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EradicateThreatDelegateTest {

    private final Threat threat = threat(ThreatType.EXPOSED_SERVICE).port(3389).build();
    private final ThreatService threats = mock(ThreatService.class);
    private final ActionService actions = mock(ActionService.class);
    private final EradicateThreatDelegate delegate = new EradicateThreatDelegate(threats, actions);

    @BeforeEach
    void registerThreat() {
        when(threats.get("threat-1")).thenReturn(threat);
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
}
