package io.threatflow.mitigation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_HandOverRiskReview}: a remediation case called this mitigation and ends when it does, so the accepted
 * risk's review goes on in a mitigation of its own ({@link AcceptedRiskReviews}).
 */
@Component("handOverRiskReview")
class HandOverRiskReviewDelegate implements JavaDelegate {

    private final AcceptedRiskReviews reviews;

    HandOverRiskReviewDelegate(AcceptedRiskReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.handOver(execution);
    }
}
