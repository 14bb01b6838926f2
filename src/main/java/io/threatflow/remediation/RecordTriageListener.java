package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.FALSE_POSITIVE;
import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.threat.Phase;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of {@code Task_TriageThreat}: the analyst's severity goes to the register. */
@Component("recordTriage")
class RecordTriageListener implements TaskListener {

    private final ThreatService threats;

    RecordTriageListener(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void notify(DelegateTask task) {
        String threatId = THREAT_ID.from(task);
        threats.recordSeverity(threatId, SEVERITY.from(task));
        threats.markPhase(threatId, Phase.TRIAGED);
        // the gateway 'False positive?' reads the variable plainly; a completion without it (engine REST) means no,
        // as the form's default does
        if (!task.hasVariable(FALSE_POSITIVE.name())) {
            FALSE_POSITIVE.set(task, false);
        }
    }
}
