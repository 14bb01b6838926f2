package io.threatflow.playbook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_DeployPlaybookChange}: the approved change goes live as a new playbook version. */
@Component("deployPlaybookChange")
class DeployPlaybookChangeDelegate implements JavaDelegate {

    private final PlaybookChanges changes;

    DeployPlaybookChangeDelegate(PlaybookChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        changes.deployApproved(PlaybookChangeProcess.CHANGE_ID.from(execution),
                PlaybookChangeProcess.REVIEWED_BY.from(execution),
                PlaybookChangeProcess.REVIEW_COMMENT.from(execution, null));
    }
}
