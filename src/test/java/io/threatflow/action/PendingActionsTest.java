package io.threatflow.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.threatflow.action.NotificationPort.Notification;
import io.threatflow.testing.FakeExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PendingActionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ActionKey ISOLATE = ActionKey.measure("threat-1", ActionPurpose.CONTAINMENT,
            ActionType.ISOLATE_HOST, "remediation-1", "mitigation-1", "CONTAINMENT", 1);

    private final ActionService actions = mock(ActionService.class);
    private final RuntimeService runtime = mock(RuntimeService.class);
    private final PendingActions pending = new PendingActions(actions, runtime,
            new PendingActionSettings(Duration.ofHours(4)), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ActionRecord logged(ActionStatus status, String detail) {
        return new ActionRecord(7, "threat-1", ActionType.ISOLATE_HOST, ActionPurpose.CONTAINMENT, "ws-0815", status,
                1, ISOLATE.value(), "remediation-1", detail, NOW.minus(Duration.ofHours(5)), null);
    }

    @Test
    void shouldRefuse_aResultForAnActionNeverRequested() {
        when(actions.findByActionId(ISOLATE.actionId())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> pending.accept(ISOLATE.actionId(), ActionStatus.APPLIED, null))
                .isInstanceOf(PendingActions.UnknownActionException.class).hasMessageContaining(ISOLATE.actionId());
        verifyNoInteractions(runtime);
    }

    @Test
    void shouldTakeTheSameResultAgain_asARepeatThatChangesNothing() {
        when(actions.findByActionId(ISOLATE.actionId())).thenReturn(Optional.of(logged(ActionStatus.APPLIED,
                "accepted for later" + ActionService.RESULT_POSTED + "applied")));

        assertThat(pending.accept(ISOLATE.actionId(), ActionStatus.APPLIED, "again"))
                .isEqualTo(PendingActions.Outcome.REPEATED);
        verifyNoInteractions(runtime);
    }

    @Test
    void shouldRefuse_aResultThatContradictsTheOneRecorded_orForAnActionThatNeverWaited() {
        when(actions.findByActionId(ISOLATE.actionId())).thenReturn(Optional.of(logged(ActionStatus.APPLIED,
                "accepted for later" + ActionService.RESULT_POSTED + "applied")));
        assertThatThrownBy(() -> pending.accept(ISOLATE.actionId(), ActionStatus.REJECTED, null))
                .isInstanceOf(PendingActions.ActionNotPendingException.class).hasMessageContaining("it is applied");

        when(actions.findByActionId(ISOLATE.actionId())).thenReturn(Optional.of(logged(ActionStatus.APPLIED,
                "applied at once (200)")));
        assertThatThrownBy(() -> pending.accept(ISOLATE.actionId(), ActionStatus.APPLIED, null))
                .isInstanceOf(PendingActions.ActionNotPendingException.class);
        verifyNoInteractions(runtime);
    }

    @Test
    void shouldRefuse_theSecondOfTwoResultsRacing() {
        ActionRecord waiting = logged(ActionStatus.PENDING, "accepted for later");
        when(actions.findByActionId(ISOLATE.actionId())).thenReturn(Optional.of(waiting));
        when(actions.recordResult(waiting, ActionStatus.FAILED, null)).thenReturn(false);

        assertThatThrownBy(() -> pending.accept(ISOLATE.actionId(), ActionStatus.FAILED, null))
                .isInstanceOf(PendingActions.ActionNotPendingException.class).hasMessageContaining("came first");
        verifyNoInteractions(runtime);
    }

    @Test
    void shouldTellTheManagersWhichSystemIsLate_andSinceWhen() {
        when(actions.findByActionId(ISOLATE.actionId())).thenReturn(Optional.of(logged(ActionStatus.PENDING,
                "webhook https://soar.example accepted isolate on ws-0815 for later (202)")));
        NotificationPort notifications = mock(NotificationPort.class);
        DelegateExecution execution = FakeExecution.execution(Map.of("threatId", "threat-1",
                PendingActions.PENDING_ACTION_ID.name(), ISOLATE.actionId()));

        new EscalateStalledActionDelegate(pending, notifications).execute(execution);

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifications).send(sent.capture());
        assertThat(sent.getValue().audience().groups()).containsExactly("managers");
        assertThat(sent.getValue().subject()).isEqualTo("No result yet: " + ActionType.ISOLATE_HOST.label()
                + " on ws-0815");
        assertThat(sent.getValue().body()).contains("2026-12-01 05:00 UTC").contains("soar.example")
                .contains(ISOLATE.actionId());
    }

    @Test
    void shouldFailLoudly_whenTheLogHasNoSuchAction() {
        when(actions.findByActionId(any())).thenReturn(Optional.empty());
        DelegateExecution execution = FakeExecution.execution(Map.of("threatId", "threat-1",
                PendingActions.PENDING_ACTION_ID.name(), ISOLATE.actionId()));

        assertThatThrownBy(() -> new EscalateStalledActionDelegate(pending, mock(NotificationPort.class))
                .execute(execution)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new PendingActionSettings(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PendingActionSettings(null).resultTimeout()).isEqualTo(Duration.ofHours(4));
    }
}
