package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.threat.ThreatService;
import io.threatflow.threat.ThreatStatus;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseThreatEliminated}: the re-check at the review date found the threat gone. The threat, closed as
 * mitigated when its risk was accepted, is closed again as eliminated (its closing time becomes now), and the
 * acceptance ends. The task and the end event 'Threat eliminated' are the timeline's entries.
 */
@Component("closeThreatEliminated")
class CloseThreatEliminatedDelegate implements JavaDelegate {

    private final ThreatService threats;
    private final RiskAcceptanceRepository acceptances;
    private final Clock clock;

    CloseThreatEliminatedDelegate(ThreatService threats, RiskAcceptanceRepository acceptances, Clock clock) {
        this.threats = threats;
        this.acceptances = acceptances;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String threatId = THREAT_ID.from(execution);
        acceptances.end(threatId, RiskAcceptance.Ended.ELIMINATED, clock.instant());
        threats.changeStatus(threatId, ThreatStatus.ELIMINATED);
        MITIGATION_OUTCOME.set(execution, MitigationProcess.Outcome.ELIMINATED.name());
    }
}
