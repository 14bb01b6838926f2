package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MEASURE;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.action.PendingActions;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApplyMeasure} (one per measure): applies it through the action ports. A refusal is logged in
 * the action log and shown to the manager in the review; it does not stop the other measures.
 */
@Component("applyMeasure")
class ApplyMeasureDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ApplyMeasureDelegate.class);

    private final ThreatService threats;
    private final ActionService actions;
    private final PendingActions pending;

    ApplyMeasureDelegate(ThreatService threats, ActionService actions, PendingActions pending) {
        this.threats = threats;
        this.actions = actions;
        this.pending = pending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        ActionType measure = ActionType.valueOf(MEASURE.from(execution));
        ActionKey key = MeasureOccasion.of(execution).keyFor(threat.id(), measure);
        PendingActions.ACTION_PENDING.set(execution, false);
        try {
            pending.await(execution, key, actions.apply(threat, key, 1));
        } catch (ActionRejectedException e) {
            log.info("Measure {} refused for threat {}: {}", measure, threat.id(), e.getMessage());
        }
    }
}
