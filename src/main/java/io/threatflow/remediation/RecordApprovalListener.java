package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.APPROVED_BY;

import io.threatflow.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of {@code Task_ApproveEradication}: who decided. */
@Component("recordApproval")
class RecordApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        APPROVED_BY.set(task, Actors.completing(task));
    }
}
