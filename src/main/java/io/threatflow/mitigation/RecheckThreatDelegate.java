package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.RISK_RECHECK_RESULT;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;
import static io.threatflow.mitigation.MitigationProcess.THREAT_STILL_PRESENT;

import io.threatflow.action.ActionService;
import io.threatflow.action.ThreatPresence;
import io.threatflow.inventory.Asset;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatType;
import io.threatflow.validation.ServiceProbe;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecheckThreat}: at the review date of an accepted risk, looks again as validation does. An exposed
 * service is probed over TCP where {@code threatflow.validation.probe.allowed-networks} allows: the service answers
 * for itself. Anything else (and an exposed service that may not be probed) is read from the asset as the scanner
 * port reports it, which with the default adapters is ThreatFlow's own inventory: the result says so. Writes
 * {@code threatStillPresent}, which the gateway 'Threat still present?' reads, and the result in words for the
 * manager's review.
 */
@Component("recheckThreat")
class RecheckThreatDelegate implements JavaDelegate {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ThreatService threats;
    private final ActionService actions;
    private final ServiceProbe probe;
    private final Clock clock;

    RecheckThreatDelegate(ThreatService threats, ActionService actions, ServiceProbe probe,
                          Clock clock) {
        this.threats = threats;
        this.actions = actions;
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        Asset scanned = actions.scan(threat);
        ServiceProbe.Observation observed = threat.type() == ThreatType.EXPOSED_SERVICE && threat.port() != null
                ? probe.probe(scanned, threat.port())
                : new ServiceProbe.Observation(ServiceProbe.Verdict.NOT_PROBED, "not an exposed service");
        boolean present;
        String evidence;
        if (observed.verdict() != ServiceProbe.Verdict.NOT_PROBED) {
            present = observed.verdict() == ServiceProbe.Verdict.OPEN;
            evidence = observed.detail() + ".";
        } else {
            present = ThreatPresence.persists(threat, scanned);
            evidence = "Read from the asset as the scanner port reports it (with the default adapters, ThreatFlow's "
                    + "own inventory): " + scanned.describe();
        }
        THREAT_STILL_PRESENT.set(execution, present);
        RISK_RECHECK_RESULT.set(execution, (present ? "Re-checked on %s: the threat is still present. "
                : "Re-checked on %s: the threat is gone. ").formatted(AT.format(clock.instant())) + evidence);
    }
}
