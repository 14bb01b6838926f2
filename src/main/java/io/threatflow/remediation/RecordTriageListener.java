package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.FALSE_POSITIVE;
import static io.threatflow.remediation.RemediationProcess.TRIAGE_OUTCOME;
import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.engine.FormAnswers;
import io.threatflow.remediation.RemediationProcess.TriageOutcome;
import io.threatflow.threat.Phase;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_TriageThreat}: the analyst's severity goes to the register, and the answer to
 * 'false positive?' becomes {@code triageOutcome}, which the gateway reads; not answered means confirmed, as the
 * form's default says.
 */
@Component("recordTriage")
class RecordTriageListener implements TaskListener {

    private final ThreatService threats;

    RecordTriageListener(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean falsePositive = FormAnswers.yesNo(task, FALSE_POSITIVE.name(), false);
        String threatId = THREAT_ID.from(task);
        threats.recordSeverity(threatId, SEVERITY.from(task));
        threats.markPhase(threatId, Phase.TRIAGED);
        TRIAGE_OUTCOME.set(task, TriageOutcome.of(falsePositive));
    }
}
