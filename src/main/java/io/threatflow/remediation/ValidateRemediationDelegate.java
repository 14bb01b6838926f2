package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.ActionService;
import io.threatflow.action.ThreatPresence;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Phase;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ValidateRemediation}: re-reads the asset through the scanner port and says whether the
 * threat persists and how many eradication retries are left.
 */
@Component("validateRemediation")
class ValidateRemediationDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final ActionService actions;
    private final RemediationProperties properties;

    ValidateRemediationDelegate(ThreatService threats, ActionService actions, RemediationProperties properties) {
        this.threats = threats;
        this.actions = actions;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Asset scanned = actions.scan(threat);
        boolean persists = ThreatPresence.persists(threat, scanned);
        int attempt = ERADICATION_ATTEMPT.from(execution, 1);
        int retriesLeft = Math.max(0, properties.maxRetries() - (attempt - 1));

        THREAT_PERSISTS.set(execution, persists);
        RETRIES_LEFT.set(execution, retriesLeft);
        VALIDATION_RESULT.set(execution, (persists
                ? "The threat is still present after attempt %d (%d retries left).".formatted(attempt, retriesLeft)
                : "The threat is no longer present after attempt %d.".formatted(attempt))
                + " Scan: " + scanned.describe());
        threats.markPhase(threat.id(), Phase.VALIDATED);
    }
}
