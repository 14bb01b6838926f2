package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ERADICATION_APPROVED;
import static io.threatflow.remediation.RemediationProcess.ERADICATION_DECISION;
import static io.threatflow.remediation.RemediationProcess.APPROVED_BY;
import static io.threatflow.testing.FakeTask.task;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class RecordApprovalListenerTest {

    private static final Map<String, Object> APPROVE = Map.of(ERADICATION_DECISION.name(), "APPROVED");

    private final RecordApprovalListener listener = new RecordApprovalListener();

    @Test
    void shouldRecordAuthenticatedUser_asApprover() {
        DelegateTask task = task(APPROVE, "bob", "carol");

        listener.notify(task);

        assertThat(APPROVED_BY.from(task)).isEqualTo("carol");
    }

    @Test
    void shouldRecordAssignee_whenNobodyIsAuthenticated() {
        DelegateTask task = task(APPROVE, "bob", null);

        listener.notify(task);

        assertThat(APPROVED_BY.from(task)).isEqualTo("bob");
    }

    @Test
    void shouldRecordUnknown_whenNobodyIsAuthenticatedOrAssigned() {
        DelegateTask task = task(APPROVE, null, null);

        listener.notify(task);

        assertThat(APPROVED_BY.from(task)).isEqualTo("unknown");
    }

    @Test
    void shouldRefuseApproval_byTheUserWhoInvestigated() {
        DelegateTask task = task(Map.of(INVESTIGATED_BY.name(), "carol"), "carol", "carol");

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Four eyes").hasMessageContaining("carol");
        assertThat(APPROVED_BY.optionalFrom(task)).isEmpty();
    }

    @Test
    void shouldAcceptApproval_byAnotherUserThanTheInvestigator() {
        DelegateTask task = task(Map.of(INVESTIGATED_BY.name(), "alice", ERADICATION_DECISION.name(), "APPROVED"),
                null, "carol");

        listener.notify(task);

        assertThat(APPROVED_BY.from(task)).isEqualTo("carol");
    }

    @Test
    void shouldRefuseACompletionWithoutADecision_forTheFormHasNoDefault() {
        DelegateTask task = task(Map.of(), null, "carol");

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'eradicationDecision' is required");
        assertThat(RemediationProcess.APPROVAL_DECISION.optionalFrom(task)).isEmpty();
    }

    @Test
    void shouldKeepTheManagersDecision_andForgetTheAnswer_soThatALaterApprovalCannotReuseIt() {
        DelegateTask rejected = task(Map.of(ERADICATION_DECISION.name(), "rejected"), null, "carol");

        listener.notify(rejected);

        assertThat(RemediationProcess.APPROVAL_DECISION.from(rejected)).isEqualTo(RemediationProcess.ApprovalDecision.REJECTED);
        assertThat(rejected.hasVariable(ERADICATION_DECISION.name())).isFalse();
        assertThatThrownBy(() -> listener.notify(rejected)).hasMessageContaining("'eradicationDecision' is required");
    }

    @Test
    void shouldReadTheTickBoxOfAnApprovalOpenedWithTheEarlierForm() {
        DelegateTask task = task(Map.of(ERADICATION_APPROVED.name(), true), null, "carol");

        listener.notify(task);

        assertThat(RemediationProcess.APPROVAL_DECISION.from(task)).isEqualTo(RemediationProcess.ApprovalDecision.APPROVED);
    }

    @Test
    void shouldRefuseAnApprovalThatIsNotYesOrNo() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(ERADICATION_APPROVED.name(), "APPROVED"), null, "carol")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'eradicationApproved' must be true or false, not 'APPROVED'");
    }
}
