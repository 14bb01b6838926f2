package io.threatflow.intake;

import io.threatflow.remediation.RemediationProcess;
import io.threatflow.threat.DuplicateThreatException;
import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a report into a case: a new threat opens a remediation case; a report of a threat that is open
 * already is correlated to its case as a sighting. Two concurrent reports of one threat open one case: the
 * threat's fingerprints are unique, the loser's transaction rolls back and is retried as a sighting.
 */
@Service
public class ThreatIntake {

    public enum Result { CREATED, DUPLICATE }

    private static final int MAX_ATTEMPTS = 10;

    public record Outcome(Result result, String threatId, String processInstanceId) {
    }

    private final ThreatService threats;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final IdentityService identity;

    ThreatIntake(ThreatService threats, RuntimeService runtime, TransactionTemplate transaction,
                 IdentityService identity) {
        this.threats = threats;
        this.runtime = runtime;
        this.transaction = transaction;
        this.identity = identity;
    }

    public Outcome report(NewThreat report, String reportedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> openOrCorrelate(report, reportedBy));
            } catch (DuplicateKeyException | OptimisticLockingException concurrent) {
                // another report of the same threat committed first, or the case moved on while we
                // correlated: the next attempt sees the committed state; a random pause keeps a burst of
                // reports of one threat from colliding again in step
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrent;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting a threat", e);
        }
    }

    private Outcome openOrCorrelate(NewThreat report, String reportedBy) {
        Threat threat;
        try {
            threat = threats.register(report);
        } catch (DuplicateThreatException open) {
            return correlate(threats.get(open.threatId()), report, reportedBy);
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(RemediationProcess.KEY, threat.id(),
                RemediationProcess.THREAT_ID.putIn(Variables.createVariables(), threat.id()));
        return new Outcome(Result.CREATED, threat.id(), instance.getId());
    }

    private Outcome correlate(Threat threat, NewThreat report, String reportedBy) {
        String severity = report.reportedSeverity() == null ? null : report.reportedSeverity().name();
        // a reporter may add a sighting to any open case without the right to change cases in general
        Authentication reporter = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runtime.createMessageCorrelation(RemediationProcess.MESSAGE_THREAT_REOBSERVED)
                    .processInstanceBusinessKey(threat.id())
                    .setVariablesLocal(Variables.createVariables()
                            .putValue(RemediationProcess.SIGHTING_SOURCE.name(), report.source())
                            .putValue(RemediationProcess.SIGHTING_SOURCE_REF.name(), report.sourceRef())
                            .putValue(RemediationProcess.SIGHTING_SEVERITY.name(), severity)
                            .putValue(RemediationProcess.SIGHTING_REPORTED_BY.name(), reportedBy))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException noCaseListening) {
            // e.g. a threat under a mitigation started on its own: the sighting is still kept
            threats.recordSighting(threat.id(), report.source(), report.sourceRef(), report.reportedSeverity(),
                    reportedBy);
        } finally {
            if (reporter != null) {
                identity.setAuthentication(reporter);
            }
        }
        return new Outcome(Result.DUPLICATE, threat.id(), threat.processInstanceId());
    }
}
