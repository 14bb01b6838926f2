package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordContainment}: the threat is contained while remediation goes on. */
@Component("recordContainment")
class RecordContainmentDelegate implements JavaDelegate {

    private final ThreatService threats;

    RecordContainmentDelegate(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        threats.changeStatus(THREAT_ID.from(execution), ThreatStatus.CONTAINED);
        MITIGATION_OUTCOME.set(execution, MitigationProcess.Outcome.CONTAINED.name());
    }
}
