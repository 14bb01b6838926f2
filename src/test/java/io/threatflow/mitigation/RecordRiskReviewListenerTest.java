package io.threatflow.mitigation;

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
}
