package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.action.ThreatPresence;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Phase;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import io.threatflow.validation.ServiceProbe;
import io.threatflow.validation.SourceWordSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ValidateRemediation}: says whether the threat persists and how many eradication retries are left,
 * from what validation observes for itself, never from the action's own claim. An exposed service is probed
 * over TCP where {@code threatflow.validation.probe.allowed-networks} allows, and the probe is kept in the action
 * log as evidence. What an action only simulated in ThreatFlow's inventory is read back from that inventory, and
 * said to be a simulation. Anything else cannot be observed here: {@code validationObserved} is false and the case
 * waits for the source's next word on the finding until {@code sourceWordDue}, then asks an analyst.
 * After a dry run's eradication nothing was changed, so there is nothing to validate: the case goes on to closure,
 * and the result says plainly that nothing was validated.
 */
@Component("validateRemediation")
class ValidateRemediationDelegate implements JavaDelegate {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final String DRY_RUN_RESULT = "Dry run: nothing was changed, so nothing was validated. What would have "
            + "been sent is in the action log (status DRY_RUN).";

    private final ThreatService threats;
    private final ActionService actions;
    private final ServiceProbe probe;
    private final RemediationProperties properties;
    private final SourceWordSettings sourceWord;
    private final Clock clock;

    ValidateRemediationDelegate(ThreatService threats, ActionService actions, ServiceProbe probe,
                                RemediationProperties properties, SourceWordSettings sourceWord, Clock clock) {
        this.threats = threats;
        this.actions = actions;
        this.probe = probe;
        this.properties = properties;
        this.sourceWord = sourceWord;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        int round = INVESTIGATION_ROUND.from(execution, 1);
        int attempt = ERADICATION_ATTEMPT.from(execution, 1);
        int retriesLeft = Math.max(0, properties.maxRetries() - (attempt - 1));
        if (actions.eradicationWasDryRun(threat, execution.getProcessInstanceId())) {
            VALIDATION_OBSERVED.set(execution, true);
            THREAT_PERSISTS.set(execution, false);
            RETRIES_LEFT.set(execution, retriesLeft);
            VALIDATION_RESULT.set(execution, DRY_RUN_RESULT);
            threats.markPhase(threat.id(), Phase.VALIDATED);
            return;
        }
        Asset scanned = actions.scan(threat);
        RETRIES_LEFT.set(execution, retriesLeft);
        threats.markPhase(threat.id(), Phase.VALIDATED);

        ServiceProbe.Observation observed = observe(threat, scanned);
        if (observed.verdict() != ServiceProbe.Verdict.NOT_PROBED) {
            // the service answers for itself; the inventory's word is not taken
            actions.recordObservation(ActionKey.validation(threat.id(), execution.getProcessInstanceId(), round,
                    attempt), scanned.hostname(), observed.detail());
            decide(execution, observed.verdict() == ServiceProbe.Verdict.OPEN, attempt, retriesLeft,
                    observed.detail() + ".");
        } else if (simulated(execution, threat, round, attempt)) {
            decide(execution, ThreatPresence.persists(threat, scanned), attempt, retriesLeft,
                    "SIMULATION: read back from ThreatFlow's own inventory, which the simulated action changed: "
                            + scanned.describe());
        } else {
            Instant due = clock.instant().plus(sourceWord.sourceWordTimeout());
            VALIDATION_OBSERVED.set(execution, false);
            SOURCE_WORD_DUE.set(execution, Date.from(due));
            VALIDATION_RESULT.set(execution, ("Waiting for the source (%s) to report this finding again after attempt "
                    + "%d: resolved means gone, still open means it persists. With no word by %s, an analyst "
                    + "confirms.").formatted(threat.source() == null ? "the reporter" : threat.source(), attempt,
                    AT.format(due)));
        }
    }

    private static void decide(DelegateExecution execution, boolean persists, int attempt, int retriesLeft,
                               String evidence) {
        VALIDATION_OBSERVED.set(execution, true);
        THREAT_PERSISTS.set(execution, persists);
        VALIDATION_RESULT.set(execution, (persists
                ? "The threat is still present after attempt %d (%d retries left).".formatted(attempt, retriesLeft)
                : "The threat is no longer present after attempt %d.".formatted(attempt)) + " " + evidence);
    }

    /** An exposed service is probed where probing is allowed; other threats cannot be. */
    private ServiceProbe.Observation observe(Threat threat, Asset scanned) {
        if (threat.type() != ThreatType.EXPOSED_SERVICE || threat.port() == null) {
            return new ServiceProbe.Observation(ServiceProbe.Verdict.NOT_PROBED, "not an exposed service");
        }
        return probe.probe(scanned, threat.port());
    }

    /** Whether this attempt's eradication changed only ThreatFlow's own inventory. */
    private boolean simulated(DelegateExecution execution, Threat threat, int round, int attempt) {
        return REMEDIATION_ACTION.optionalFrom(execution).map(String::trim).flatMap(ValidateRemediationDelegate::action)
                .map(action -> actions.wasSimulated(ActionKey.eradication(threat.id(), action,
                        execution.getProcessInstanceId(), round, attempt)))
                .orElse(false);
    }

    private static Optional<ActionType> action(String name) {
        try {
            return Optional.of(ActionType.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
