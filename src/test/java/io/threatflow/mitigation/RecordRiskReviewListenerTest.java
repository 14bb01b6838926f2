package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_OUTCOME;
import static io.threatflow.testing.FakeTask.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threatflow.mitigation.MitigationProcess.RiskReviewOutcome;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class RecordRiskReviewListenerTest {

    private final RecordRiskReviewListener listener = new RecordRiskReviewListener();

    @Test
    void shouldRecordAuthenticatedManager_asReviewer() {
        DelegateTask task = task(Map.of(), null, "mallory");

        listener.notify(task);

        assertThat(REVIEWED_BY.from(task)).isEqualTo("mallory");
    }

    @Test
    void shouldRecordAssignee_whenNobodyIsAuthenticated() {
        DelegateTask task = task(Map.of(), "mallory", null);

        listener.notify(task);

        assertThat(REVIEWED_BY.from(task)).isEqualTo("mallory");
    }

    @Test
    void shouldRefuseAndReinvestigate_whenReviewIsCompletedWithoutADecision() {
        DelegateTask task = task(Map.of(), null, "mallory");

        listener.notify(task);

        assertThat(RISK_REVIEW_OUTCOME.from(task)).isEqualTo(RiskReviewOutcome.REINVESTIGATE);
    }

    @Test
    void shouldAccept_whenResidualRiskIsAccepted_whateverTheFollowUpSays() {
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true, REFUSAL_FOLLOW_UP.name(), "STRONGER_MEASURES"),
                null, "mallory");

        listener.notify(task);

        assertThat(RISK_REVIEW_OUTCOME.from(task)).isEqualTo(RiskReviewOutcome.ACCEPTED);
    }

    @Test
    void shouldFollowTheManagersChoice_whenResidualRiskIsRefused() {
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), false, REFUSAL_FOLLOW_UP.name(), "STRONGER_MEASURES"),
                null, "mallory");

        listener.notify(task);

        assertThat(RISK_REVIEW_OUTCOME.from(task)).isEqualTo(RiskReviewOutcome.STRONGER_MEASURES);
    }

    @Test
    void shouldRefuseAnAnswerThatIsNotOnTheForm() {
        assertThatThrownBy(() -> listener.notify(task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), "accepted"), null, "mallory")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'residualRiskAccepted' must be true or false, not 'accepted'");
        assertThatThrownBy(() -> listener.notify(task(Map.of(REFUSAL_FOLLOW_UP.name(), "IGNORE"), null, "mallory")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'refusalFollowUp' must be one of [STRONGER_MEASURES, REINVESTIGATE], not 'IGNORE'");
    }
}
