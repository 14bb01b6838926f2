package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_OUTCOME;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.mitigation.MitigationProcess.RefusalFollowUp;
import io.threatflow.mitigation.MitigationProcess.RiskReviewOutcome;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ReviewResidualRisk}: who reviewed the residual risk, and the review's outcome as
 * {@code riskReviewOutcome}, the one variable the gateways after the task read. Not answered is what the form's
 * defaults mean: the risk is not accepted, and a refused risk is re-investigated.
 */
@Component("recordRiskReview")
class RecordRiskReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = FormAnswers.yesNo(task, RESIDUAL_RISK_ACCEPTED.name(), false);
        RefusalFollowUp followUp = FormAnswers.choice(task, REFUSAL_FOLLOW_UP.name(), RefusalFollowUp.class,
                RefusalFollowUp.REINVESTIGATE);
        REVIEWED_BY.set(task, Actors.completing(task));
        RISK_REVIEW_OUTCOME.set(task, accepted ? RiskReviewOutcome.ACCEPTED
                : followUp == RefusalFollowUp.STRONGER_MEASURES ? RiskReviewOutcome.STRONGER_MEASURES
                : RiskReviewOutcome.REINVESTIGATE);
    }
}
