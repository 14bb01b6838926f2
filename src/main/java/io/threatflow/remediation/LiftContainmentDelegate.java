package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.THREAT_ID;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionRecord;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionStatus;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LiftContainment}: once the threat is gone, undoes each containment measure this case applied
 * (reconnects an isolated host, unblocks a port, enables an account). Raised monitoring stays.
 */
@Component("liftContainment")
class LiftContainmentDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(LiftContainmentDelegate.class);

    private final ThreatService threats;
    private final ActionService actions;

    LiftContainmentDelegate(ThreatService threats, ActionService actions) {
        this.threats = threats;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        String caseId = execution.getProcessInstanceId();
        for (ActionRecord measure : actions.history(threat.id(), caseId)) {
            if (measure.purpose() != ActionPurpose.CONTAINMENT || measure.action().reversal() == null
                    || measure.status() == ActionStatus.REJECTED) {
                continue;
            }
            try {
                actions.apply(threat, ActionKey.lift(measure, caseId), 1);
            } catch (ActionRejectedException e) {
                // logged as REJECTED in the action log, where the timeline shows it to the analyst
                log.warn("Could not lift {} on threat {}: {}", measure.action(), threat.id(), e.getMessage());
            }
        }
    }
}
