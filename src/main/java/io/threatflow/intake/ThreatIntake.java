package io.threatflow.intake;

import io.threatflow.remediation.RemediationProcess;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a reported threat and opens its remediation case, in one transaction. */
@Service
public class ThreatIntake {

    public record Opened(String threatId, String processInstanceId) {
    }

    private final ThreatService threats;
    private final RuntimeService runtime;

    ThreatIntake(ThreatService threats, RuntimeService runtime) {
        this.threats = threats;
        this.runtime = runtime;
    }

    @Transactional
    public Opened report(ThreatReport report) {
        Threat threat = threats.register(report.toNewThreat());
        ProcessInstance instance = runtime.startProcessInstanceByKey(RemediationProcess.KEY, threat.id(),
                RemediationProcess.THREAT_ID.putIn(Variables.createVariables(), threat.id()));
        return new Opened(threat.id(), instance.getId());
    }
}
