package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseFalsePositive}. */
@Component("closeFalsePositive")
class CloseFalsePositiveDelegate implements JavaDelegate {

    private final ThreatService threats;

    CloseFalsePositiveDelegate(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        threats.changeStatus(THREAT_ID.from(execution), ThreatStatus.FALSE_POSITIVE);
    }
}
