package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.SEVERITY;
import static io.threatflow.remediation.RemediationProcess.SEVERITY_REASONS;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.threat.Severity;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On {@code SequenceFlow_SeverityAssessed}, after {@code Task_AssessSeverity}'s output mapping: the decided
 * severity goes to the register until triage changes it, and its reasons in words ({@code severityReasons}) to
 * the triage form. A sighting may have raised the threat above the decision already; the higher rating stands.
 */
@Component("recordAssessedSeverity")
class RecordAssessedSeverityListener implements ExecutionListener {

    private final ThreatService threats;

    RecordAssessedSeverityListener(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Severity decided = SEVERITY.from(execution);
        Severity severity = threat.severity() == null ? decided : decided.atLeast(threat.severity());
        threats.recordSeverity(threat.id(), severity);
        SEVERITY.set(execution, severity);
        SEVERITY_REASONS.set(execution, SeverityReasons.of(execution, decided, severity));
    }
}
