package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionService;
import io.threatflow.action.ActionType;
import io.threatflow.action.PendingActions;
import io.threatflow.threat.Phase;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatService;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EradicateThreat}: applies the chosen remediation action. A refusal by the target, or no
 * action that can be automated, is the BPMN error {@code ActionRejected}; a technical failure is thrown so
 * the job retries. An action the target accepted for later leaves {@code actionPending} true: the case waits for
 * the posted result.
 */
@Component("eradicateThreat")
class EradicateThreatDelegate implements JavaDelegate {

    static final Set<ActionType> ERADICATION_ACTIONS = EnumSet.of(ActionType.PATCH_SOFTWARE, ActionType.UPGRADE_OS,
            ActionType.CLOSE_PORT, ActionType.REMOVE_MALWARE, ActionType.RESET_CREDENTIALS);

    private final ThreatService threats;
    private final ActionService actions;
    private final PendingActions pending;

    EradicateThreatDelegate(ThreatService threats, ActionService actions, PendingActions pending) {
        this.threats = threats;
        this.actions = actions;
        this.pending = pending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Threat threat = threats.get(THREAT_ID.from(execution));
        int round = INVESTIGATION_ROUND.from(execution, 1);
        int attempt = ERADICATION_ATTEMPT.from(execution, 0) + 1;
        ERADICATION_ATTEMPT.set(execution, attempt);
        ActionType action = eradicationAction(REMEDIATION_ACTION.optionalFrom(execution).orElse(null));
        try {
            ActionKey key = ActionKey.eradication(threat.id(), action, execution.getProcessInstanceId(), round, attempt);
            pending.await(execution, key, actions.apply(threat, key, attempt));
        } catch (ActionRejectedException e) {
            throw new BpmnError(ERROR_ACTION_REJECTED, e.getMessage());
        }
        threats.markPhase(threat.id(), Phase.ERADICATED);
    }

    private static ActionType eradicationAction(String name) {
        if (name == null || name.isBlank()) {
            throw new BpmnError(ERROR_ACTION_REJECTED, "no remediation action was chosen for this threat");
        }
        try {
            ActionType action = ActionType.valueOf(name.trim());
            if (ERADICATION_ACTIONS.contains(action)) {
                return action;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BpmnError(ERROR_ACTION_REJECTED,
                "'" + name + "' is not a remediation action; expected one of " + ERADICATION_ACTIONS);
    }
}
