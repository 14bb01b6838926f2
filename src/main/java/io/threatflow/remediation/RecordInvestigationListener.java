package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ELIMINABLE;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.engine.Actors;
import io.threatflow.threat.Phase;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of {@code Task_InvestigateThreat}: who investigated, and when. */
@Component("recordInvestigation")
class RecordInvestigationListener implements TaskListener {

    private final ThreatService threats;

    RecordInvestigationListener(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void notify(DelegateTask task) {
        INVESTIGATED_BY.set(task, Actors.completing(task));
        threats.markPhase(THREAT_ID.from(task), Phase.INVESTIGATED);
        // the gateway 'Eliminable?' reads the variable plainly; a completion without it (engine REST) means yes,
        // as the form's default and the gateway's default flow do
        if (!task.hasVariable(ELIMINABLE.name())) {
            ELIMINABLE.set(task, true);
        }
    }
}
