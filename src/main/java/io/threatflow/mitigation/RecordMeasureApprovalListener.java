package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MEASURE_APPROVAL_DECISION;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_DECIDED_BY;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_DECISION;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.mitigation.MitigationProcess.MeasureDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_ApproveMeasure}: who decided, and the decision as {@code measureApprovalDecision},
 * the one variable the gateway 'Approved?' reads. The form has no default: a completion without an answer is
 * refused, so no one approves or refuses by leaving a box as it was. Four eyes is enforced before this runs
 * ({@link MeasureFourEyes}).
 */
@Component("recordMeasureApproval")
class RecordMeasureApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        MeasureDecision decision = FormAnswers.choice(task, MEASURE_DECISION.name(), MeasureDecision.class, null);
        MEASURE_DECIDED_BY.set(task, Actors.completing(task));
        MEASURE_APPROVAL_DECISION.set(task, decision);
    }
}
