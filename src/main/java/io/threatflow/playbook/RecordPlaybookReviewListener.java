package io.threatflow.playbook;

import static io.threatflow.playbook.PlaybookChangeProcess.CHANGE_APPROVED;
import static io.threatflow.playbook.PlaybookChangeProcess.CHANGE_DECISION;
import static io.threatflow.playbook.PlaybookChangeProcess.REVIEWED_BY;
import static io.threatflow.playbook.PlaybookChangeProcess.REVIEW_COMMENT;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.playbook.PlaybookChangeProcess.ChangeDecision;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ReviewPlaybookChange}: who reviewed, and the decision the gateway reads. Not
 * answered is not approved; a refusal needs a comment, since it is all the author learns of why.
 */
@Component("recordPlaybookReview")
class RecordPlaybookReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean approved = FormAnswers.yesNo(task, CHANGE_APPROVED.name(), false);
        String comment = REVIEW_COMMENT.from(task, "");
        if (!approved && comment.isBlank()) {
            throw new BadUserRequestException("'" + REVIEW_COMMENT.name()
                    + "' is required when the change is refused: the author reads it to learn why");
        }
        REVIEWED_BY.set(task, Actors.completing(task));
        CHANGE_DECISION.set(task, approved ? ChangeDecision.APPROVED : ChangeDecision.REFUSED);
    }
}
