package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;

import io.threatflow.engine.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ReviewResidualRisk}: who reviewed the residual risk. The gateways after the task read
 * their variables plainly, so a completion without them (engine REST) gets what the form's defaults and the
 * gateways' default flows mean: the risk is not accepted, and a refused risk is re-investigated.
 */
@Component("recordRiskReview")
class RecordRiskReviewListener implements TaskListener {

    static final String REINVESTIGATE = "REINVESTIGATE";

    @Override
    public void notify(DelegateTask task) {
        REVIEWED_BY.set(task, Actors.completing(task));
        if (!task.hasVariable(RESIDUAL_RISK_ACCEPTED.name())) {
            RESIDUAL_RISK_ACCEPTED.set(task, false);
        }
        if (!RESIDUAL_RISK_ACCEPTED.from(task, false) && !task.hasVariable(REFUSAL_FOLLOW_UP.name())) {
            REFUSAL_FOLLOW_UP.set(task, REINVESTIGATE);
        }
    }
}
