package io.threatflow.mitigation;

import static io.threatflow.mitigation.MitigationProcess.MITIGATION_OUTCOME;
import static io.threatflow.mitigation.MitigationProcess.REINVESTIGATE_IN_NEW_CASE;
import static io.threatflow.mitigation.MitigationProcess.REINVESTIGATION_REASON;
import static io.threatflow.mitigation.MitigationProcess.REVIEWED_BY;
import static io.threatflow.mitigation.MitigationProcess.REVIEW_COMMENT;
import static io.threatflow.mitigation.MitigationProcess.THREAT_ID;

import io.threatflow.remediation.RemediationCases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RequestReinvestigation}: the manager refused the residual risk and sent the threat back.
 * Called by a remediation case, that case investigates again; started on its own, a new remediation case
 * is opened for the threat so the refusal is never a silent end; likewise when the caller ends on return
 * ({@code reinvestigateInNewCase}, a mitigation a manager ordered for an overdue case). The manager's reason goes
 * back with it as {@code reinvestigationReason}, which the investigation form shows.
 */
@Component("requestReinvestigation")
class RequestReinvestigationDelegate implements JavaDelegate {

    private final RemediationCases remediation;

    RequestReinvestigationDelegate(RemediationCases remediation) {
        this.remediation = remediation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MITIGATION_OUTCOME.set(execution, MitigationProcess.Outcome.REINVESTIGATE.name());
        REINVESTIGATION_REASON.set(execution, REVIEWED_BY.from(execution, "A manager")
                + " refused the residual risk and sent the threat back: "
                + REVIEW_COMMENT.optionalFrom(execution).filter(c -> !c.isBlank()).orElse("no reason given"));
        if (execution.getProcessInstance().getSuperExecution() == null
                || REINVESTIGATE_IN_NEW_CASE.from(execution, false)) {
            remediation.open(THREAT_ID.from(execution));
        }
    }
}
