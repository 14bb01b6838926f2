package io.threatflow.intake;

import io.threatflow.engine.DeferredStarts;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.springframework.stereotype.Component;

/**
 * Opens the remediation case of a threat that the intake accepted, on the job executor after the acceptance
 * committed. A threat that has its case already (a start run twice) or that was closed meanwhile is left alone.
 */
@Component
class CaseStarter implements DeferredStarts.Starter {

    private final ThreatService threats;
    private final RemediationCases cases;

    CaseStarter(ThreatService threats, RemediationCases cases) {
        this.threats = threats;
        this.cases = cases;
    }

    @Override
    public void start(String threatId) {
        Threat threat = threats.get(threatId);
        if (threat.processInstanceId() == null && !threat.status().isClosed()) {
            cases.open(threatId);
        }
    }
}
