package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.testing.FakeTask.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

        assertThat(RESIDUAL_RISK_ACCEPTED.from(task)).isFalse();
        assertThat(REFUSAL_FOLLOW_UP.from(task)).isEqualTo("REINVESTIGATE");
    }

    @Test
    void shouldAddNoFollowUp_whenResidualRiskIsAccepted() {
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), true), null, "mallory");

        listener.notify(task);

        assertThat(RESIDUAL_RISK_ACCEPTED.from(task)).isTrue();
        assertThat(REFUSAL_FOLLOW_UP.optionalFrom(task)).isEmpty();
    }

    @Test
    void shouldKeepTheManagersDecision_onResidualRisk() {
        DelegateTask task = task(Map.of(RESIDUAL_RISK_ACCEPTED.name(), false, REFUSAL_FOLLOW_UP.name(), "STRONGER_MEASURES"),
                null, "mallory");

        listener.notify(task);

        assertThat(RESIDUAL_RISK_ACCEPTED.from(task)).isFalse();
        assertThat(REFUSAL_FOLLOW_UP.from(task)).isEqualTo("STRONGER_MEASURES");
    }
}
