package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.PREVIOUS_RISK_REVIEW;
import static io.threatflow.mitigation.MitigationProcess.REFUSAL_FOLLOW_UP;
import static io.threatflow.mitigation.MitigationProcess.RESIDUAL_RISK_ACCEPTED;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.REVIEW_COMMENT;
import static io.threatflow.mitigation.MitigationProcess.RISK_REVIEW_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateMitigation}: the manager refused the residual risk and asked for stronger measures;
 * the next selection runs at a higher level. The next review starts with empty answers, not with the refusal that
 * led here; what that review said is kept in words as {@code previousRiskReview}.
 */
@Component("escalateMitigation")
class EscalateMitigationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        MITIGATION_LEVEL.set(execution, MITIGATION_LEVEL.from(execution, 1) + 1);
        PREVIOUS_RISK_REVIEW.set(execution, REVIEWED_BY.from(execution, "A manager")
                + " refused the residual risk and asked for stronger measures: "
                + REVIEW_COMMENT.optionalFrom(execution).filter(c -> !c.isBlank()).orElse("no reason given"));
        RESIDUAL_RISK_ACCEPTED.set(execution, null);
        REFUSAL_FOLLOW_UP.set(execution, null);
        REVIEW_COMMENT.set(execution, null);
        RISK_REVIEW_DATE.set(execution, null);
    }
}
