package io.threatflow.playbook;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of {@code Task_ReviewPlaybookChange}: the name says whose change waits ("Review playbook change by
 * mia"), as a threat case's tasks name their threat (remediation.NameTaskAfterThreatListener).
 */
@Component("namePlaybookReview")
class NamePlaybookReviewListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        PlaybookChangeProcess.PROPOSED_BY.optionalFrom(task).filter(author -> !author.isBlank())
                .ifPresent(author -> task.setName(task.getName() + " by " + author.strip()));
    }
}
