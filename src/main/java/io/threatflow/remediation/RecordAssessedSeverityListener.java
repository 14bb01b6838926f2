package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** At the end of {@code Task_AssessSeverity}: the decided severity goes to the register until triage changes it. */
@Component("recordAssessedSeverity")
class RecordAssessedSeverityListener implements ExecutionListener {

    private final ThreatService threats;

    RecordAssessedSeverityListener(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void notify(DelegateExecution execution) {
        threats.recordSeverity(THREAT_ID.from(execution), Severity.valueOf(SEVERITY.from(execution)));
    }
}
