package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DATE;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.SEVERITY;
import static io.threatflow.mitigation.MitigationProcess.TASK_REVIEW_ACCEPTED_RISK;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.mitigation.MitigationProcess.RefusalFollowUp;
import io.threatflow.mitigation.MitigationProcess.RiskReviewOutcome;
import io.threatflow.threat.Severity;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ReviewResidualRisk} and {@code Task_ReviewAcceptedRisk}: who reviewed the residual
 * risk, and the review's outcome as {@code riskReviewOutcome}, the one variable the gateways after the tasks read.
 * Not answered is what the form's defaults mean: the risk is not accepted, and a refused risk is re-investigated.
 * An acceptance is refused (400 naming {@code riskReviewDate}) without a review date in the future, or with one
 * beyond the horizon of the threat's severity ({@link RiskAcceptanceHorizon}). Reviewing an accepted risk ends
 * that acceptance in the register, renewed or sent back.
 */
@Component("recordRiskReview")
class RecordRiskReviewListener implements TaskListener {

    private final RiskAcceptanceHorizon horizon;
    private final RiskAcceptanceRepository acceptances;
    private final Clock clock;

    RecordRiskReviewListener(RiskAcceptanceHorizon horizon, RiskAcceptanceRepository acceptances, Clock clock) {
        this.horizon = horizon;
        this.acceptances = acceptances;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = FormAnswers.yesNo(task, RESIDUAL_RISK_ACCEPTED.name(), false);
        RefusalFollowUp followUp = FormAnswers.choice(task, REFUSAL_FOLLOW_UP.name(), RefusalFollowUp.class,
                RefusalFollowUp.REINVESTIGATE);
        if (accepted) {
            LocalDate reviewDate = ReviewDates.parse(task.getVariable(RISK_REVIEW_DATE.name()), clock);
            horizon.check(SEVERITY.from(task, Severity.MEDIUM), reviewDate, LocalDate.now(clock));
        }
        REVIEWED_BY.set(task, Actors.completing(task));
        RISK_REVIEW_OUTCOME.set(task, accepted ? RiskReviewOutcome.ACCEPTED
                : followUp == RefusalFollowUp.STRONGER_MEASURES ? RiskReviewOutcome.STRONGER_MEASURES
                : RiskReviewOutcome.REINVESTIGATE);
        if (TASK_REVIEW_ACCEPTED_RISK.equals(task.getTaskDefinitionKey())) {
            acceptances.end(THREAT_ID.from(task), accepted ? RiskAcceptance.Ended.RENEWED : RiskAcceptance.Ended.SENT_BACK,
                    clock.instant());
        }
    }
}
