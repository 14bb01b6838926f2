package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.APPROVAL_DECISION;
import static io.threatflow.remediation.RemediationProcess.APPROVED_BY;
import static io.threatflow.remediation.RemediationProcess.ERADICATION_APPROVED;
import static io.threatflow.remediation.RemediationProcess.ERADICATION_DECISION;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.remediation.RemediationProcess.ApprovalDecision;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ApproveEradication}: who decided, and the four-eyes rule: whoever
 * investigated the threat cannot approve its eradication. Refusing here rolls the completion back, whether it
 * came from Tasklist, the REST API or any other client.
 */
@Component("recordApproval")
class RecordApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String approver = Actors.completing(task);
        String investigator = INVESTIGATED_BY.from(task, null);
        if (investigator != null && !Actors.UNKNOWN.equals(investigator) && investigator.equals(approver)) {
            throw new BadUserRequestException("Four eyes: " + approver + " investigated this threat, so another "
                    + "manager must approve or reject its eradication");
        }
        ApprovalDecision decision = task.hasVariable(ERADICATION_APPROVED.name())
                && !task.hasVariable(ERADICATION_DECISION.name())
                // a task opened with the earlier form, a tick box whose default meant "reject"
                ? ApprovalDecision.of(FormAnswers.yesNo(task, ERADICATION_APPROVED.name(), false))
                // the form offers approve or reject and no default: an answer is required
                : FormAnswers.choice(task, ERADICATION_DECISION.name(), ApprovalDecision.class, null);
        APPROVED_BY.set(task, approver);
        // the gateway 'Approved?' reads only this
        APPROVAL_DECISION.set(task, decision);
        // so that a later approval in the same case (after re-investigation) cannot reuse this answer
        task.removeVariable(ERADICATION_DECISION.name());
        task.removeVariable(ERADICATION_APPROVED.name());
    }
}
