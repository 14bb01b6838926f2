package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_LEVEL;
import static io.threatflow.mitigation.MitigationProcess.MITIGATION_MODE;

import io.threatflow.action.ActionPurpose;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which round of measures an action belongs to: the mode and the level. Part of the idempotency key, so a
 * stronger round applies its measures anew while a job that runs again does not.
 */
record MeasureOccasion(ActionPurpose purpose, String key) {

    static MeasureOccasion of(VariableScope scope) {
        String mode = MITIGATION_MODE.from(scope);
        int level = MITIGATION_LEVEL.from(scope, 1);
        ActionPurpose purpose = MitigationProcess.Mode.CONTAINMENT.name().equals(mode)
                ? ActionPurpose.CONTAINMENT : ActionPurpose.MITIGATION;
        return new MeasureOccasion(purpose, mode.toLowerCase() + "-level-" + level);
    }
}
