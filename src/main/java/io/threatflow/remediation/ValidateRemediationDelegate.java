package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionService;
import io.threatflow.action.ThreatPresence;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Phase;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import io.threatflow.validation.ServiceProbe;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ValidateRemediation}: says whether the threat persists and how many eradication retries are
 * left. An exposed service is probed over TCP where {@code threatflow.validation.probe.allowed-networks} allows,
 * and the probe is kept in the action log as evidence; otherwise the asset is re-read through the scanner port.
 * After a dry run's eradication nothing was changed, so there is nothing to validate: the case goes on to closure,
 * and the result says plainly that nothing was validated.
 */
@Component("validateRemediation")
class ValidateRemediationDelegate implements JavaDelegate {

    static final String DRY_RUN_RESULT = "Dry run: nothing was changed, so nothing was validated. What would have "
            + "been sent is in the action log (status DRY_RUN).";

    private final ThreatService threats;
    private final ActionService actions;
    private final ServiceProbe probe;
    private final RemediationProperties properties;

    ValidateRemediationDelegate(ThreatService threats, ActionService actions, ServiceProbe probe,
                                RemediationProperties properties) {
        this.threats = threats;
        this.actions = actions;
        this.probe = probe;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        int attempt = ERADICATION_ATTEMPT.from(execution, 1);
        if (actions.eradicationWasDryRun(threat, execution.getProcessInstanceId())) {
            THREAT_PERSISTS.set(execution, false);
            RETRIES_LEFT.set(execution, retriesLeft(attempt));
            VALIDATION_RESULT.set(execution, DRY_RUN_RESULT);
            threats.markPhase(threat.id(), Phase.VALIDATED);
            return;
        }
        Asset scanned = actions.scan(threat);
        String evidence = "Scan: " + scanned.describe();
        boolean persists;
        ServiceProbe.Observation observed = observe(threat, scanned);
        if (observed.verdict() == ServiceProbe.Verdict.NOT_PROBED) {
            persists = ThreatPresence.persists(threat, scanned);
        } else {
            // the service answers for itself; the inventory's word is not taken
            persists = observed.verdict() == ServiceProbe.Verdict.OPEN;
            evidence = observed.detail() + ".";
            actions.recordObservation(ActionKey.validation(threat.id(), execution.getProcessInstanceId(),
                    INVESTIGATION_ROUND.from(execution, 1), attempt), scanned.hostname(), observed.detail());
        }
        int retriesLeft = retriesLeft(attempt);

        THREAT_PERSISTS.set(execution, persists);
        RETRIES_LEFT.set(execution, retriesLeft);
        VALIDATION_RESULT.set(execution, (persists
                ? "The threat is still present after attempt %d (%d retries left).".formatted(attempt, retriesLeft)
                : "The threat is no longer present after attempt %d.".formatted(attempt))
                + " " + evidence);
        threats.markPhase(threat.id(), Phase.VALIDATED);
    }

    private int retriesLeft(int attempt) {
        return Math.max(0, properties.maxRetries() - (attempt - 1));
    }

    /** An exposed service is probed where probing is allowed; other threats are read from the scan. */
    private ServiceProbe.Observation observe(Threat threat, Asset scanned) {
        if (threat.type() != ThreatType.EXPOSED_SERVICE || threat.port() == null) {
            return new ServiceProbe.Observation(ServiceProbe.Verdict.NOT_PROBED, "not an exposed service");
        }
        return probe.probe(scanned, threat.port());
    }
}
