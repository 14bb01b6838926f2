package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.ELIMINABLE;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATED_BY;
import static io.threatflow.remediation.RemediationProcess.INVESTIGATION_OUTCOME;
import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.engine.Actors;
import io.threatflow.engine.FormAnswers;
import io.threatflow.remediation.RemediationProcess.InvestigationOutcome;
import io.threatflow.threat.Phase;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of {@code Task_InvestigateThreat}: who investigated, and when, and the answer to 'eliminable?' as
 * {@code investigationOutcome}, which the gateway reads; not answered means eliminable, as the form's default says
 * (whether the action then needs a manager is approval-policy's to say).
 */
@Component("recordInvestigation")
class RecordInvestigationListener implements TaskListener {

    private final ThreatService threats;

    RecordInvestigationListener(ThreatService threats) {
        this.threats = threats;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean eliminable = FormAnswers.yesNo(task, ELIMINABLE.name(), true);
        INVESTIGATED_BY.set(task, Actors.completing(task));
        threats.markPhase(THREAT_ID.from(task), Phase.INVESTIGATED);
        INVESTIGATION_OUTCOME.set(task, InvestigationOutcome.of(eliminable));
    }
}
