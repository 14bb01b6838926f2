package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.CASE_ID;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;

import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionService;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which round of measures an action belongs to: the case, this mitigation run (a case may mitigate more than
 * once after re-investigation), the mode and the level. Part of the idempotency key, so a stronger round, a
 * later run or a later case applies its measures anew while a job that runs again does not.
 */
record MeasureOccasion(ActionPurpose purpose, String key) {

    static MeasureOccasion of(DelegateExecution execution) {
        String mode = MITIGATION_MODE.from(execution);
        int level = MITIGATION_LEVEL.from(execution, 1);
        ActionPurpose purpose = MitigationProcess.Mode.CONTAINMENT.name().equals(mode)
                ? ActionPurpose.CONTAINMENT : ActionPurpose.MITIGATION;
        return new MeasureOccasion(purpose,
                ActionService.occasion(CASE_ID.from(execution), "mitigation-" + execution.getProcessInstanceId() + "/"
                        + mode.toLowerCase(Locale.ROOT) + "-level-" + level));
    }
}
