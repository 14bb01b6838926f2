package io.threatflow.playbook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordRefusal}: the refused change and the reviewer's reason, for its author to read. */
@Component("recordPlaybookRefusal")
class RecordRefusalDelegate implements JavaDelegate {

    private final PlaybookChanges changes;

    RecordRefusalDelegate(PlaybookChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        changes.refuse(PlaybookChangeProcess.CHANGE_ID.from(execution), PlaybookChangeProcess.REVIEWED_BY.from(execution),
                PlaybookChangeProcess.REVIEW_COMMENT.from(execution));
    }
}
