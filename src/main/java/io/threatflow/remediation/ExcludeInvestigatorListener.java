package io.threatflow.remediation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Retired: four eyes on {@code Task_ApproveEradication} is enforced where the approval is completed, claimed or
 * assigned ({@link EradicationFourEyes}), no longer by revoking the investigator's rights on the task when it is
 * created. Does nothing; it stays only while processes/threat-remediation.bpmn names it as the task's create
 * listener, and goes with that listener.
 */
@Component("excludeInvestigator")
class ExcludeInvestigatorListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        // nothing: see EradicationFourEyes
    }
}
