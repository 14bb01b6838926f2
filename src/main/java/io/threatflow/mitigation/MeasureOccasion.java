package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionType;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which round of measures an action belongs to: the case, this mitigation run (a case may mitigate more than
 * once after re-investigation), the mode and the level. Part of the idempotency key, so a stronger round, a
 * later run or a later case applies its measures anew while a job that runs again does not.
 */
record MeasureOccasion(ActionPurpose purpose, String caseId, String mitigationId, String mode, int level) {

    static MeasureOccasion of(DelegateExecution execution) {
        String mode = MITIGATION_MODE.from(execution);
        int level = MITIGATION_LEVEL.from(execution, 1);
        ActionPurpose purpose = MitigationProcess.Mode.CONTAINMENT.name().equals(mode)
                ? ActionPurpose.CONTAINMENT : ActionPurpose.MITIGATION;
        return new MeasureOccasion(purpose, CASE_ID.from(execution), execution.getProcessInstanceId(), mode, level);
    }

    /** The key under which this round applies the measure to the threat. */
    ActionKey keyFor(String threatId, ActionType measure) {
        return ActionKey.measure(threatId, purpose, measure, caseId, mitigationId, mode, level);
    }
}
