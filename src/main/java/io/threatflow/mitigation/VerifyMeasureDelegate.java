package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MEASURE;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_EFFECTIVE;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_VerifyMeasure}: re-reads the asset and records whether the measure holds. */
@Component("verifyMeasure")
class VerifyMeasureDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final ActionService actions;

    VerifyMeasureDelegate(ThreatService threats, ActionService actions) {
        this.threats = threats;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        ActionKey key = MeasureOccasion.of(execution).keyFor(threat.id(), ActionType.valueOf(MEASURE.from(execution)));
        boolean holds = actions.verify(threat, key);
        MEASURE_EFFECTIVE.setLocal(execution, holds);
    }
}
