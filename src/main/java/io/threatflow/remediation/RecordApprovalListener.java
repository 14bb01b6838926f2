package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.APPROVED_BY;
import static io.threatflow.remediation.RemediationProcess.ERADICATION_APPROVED;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;

import io.threatflow.engine.Actors;
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
        APPROVED_BY.set(task, approver);
        // the gateway 'Approved?' reads the variable plainly; a completion without it (engine REST) is no approval,
        // as the form's default and the gateway's default flow say
        if (!task.hasVariable(ERADICATION_APPROVED.name())) {
            ERADICATION_APPROVED.set(task, false);
        }
    }
}
