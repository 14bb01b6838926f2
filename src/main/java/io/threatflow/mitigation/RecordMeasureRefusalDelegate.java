package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MEASURE;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_DECIDED_BY;
import static io.threatflow.mitigation.MitigationProcess.MEASURE_DECISION_COMMENT;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordMeasureRefusal}: a measure a manager refused is logged as rejected, with who refused it and why,
 * like a measure its target refused: the summary and the residual-risk review show it, and the other measures go on.
 */
@Component("recordMeasureRefusal")
class RecordMeasureRefusalDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final ActionService actions;

    RecordMeasureRefusalDelegate(ThreatService threats, ActionService actions) {
        this.threats = threats;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        ActionType measure = ActionType.valueOf(MEASURE.from(execution));
        String comment = MEASURE_DECISION_COMMENT.optionalFrom(execution).filter(c -> !c.isBlank())
                .map(c -> ": " + c).orElse("");
        actions.recordRefusal(threat, MeasureOccasion.of(execution).keyFor(threat.id(), measure),
                "refused by " + MEASURE_DECIDED_BY.from(execution) + " before it was sent" + comment);
    }
}
