package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;

import io.threatflow.engine.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of {@code Task_ReviewResidualRisk}: who reviewed the residual risk. */
@Component("recordRiskReview")
class RecordRiskReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        REVIEWED_BY.set(task, Actors.completing(task));
    }
}
