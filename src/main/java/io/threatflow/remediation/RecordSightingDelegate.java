package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordSighting} (event subprocess {@code SubProcess_ThreatReobserved}): a tool reported the
 * open threat again. The sighting is recorded; a worse rating raises the case's severity.
 */
@Component("recordSighting")
class RecordSightingDelegate implements JavaDelegate {

    private final ThreatService threats;

    RecordSightingDelegate(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Severity now = threats.recordSighting(THREAT_ID.from(execution), SIGHTING_SOURCE.from(execution, null),
                SIGHTING_SOURCE_REF.from(execution, null), SIGHTING_SEVERITY.from(execution, null),
                SIGHTING_REPORTED_BY.from(execution, null));
        boolean caseRatedLower = SEVERITY.optionalFrom(execution)
                .map(current -> now != null && now.compareTo(current) > 0).orElse(false);
        if (caseRatedLower) {
            // set where the case holds it, so triage, the plan and the forms see the raised severity
            SEVERITY.set(execution, now);
        }
    }
}
