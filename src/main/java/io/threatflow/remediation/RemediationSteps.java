package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import java.util.Map;
import java.util.Optional;

/**
 * Which of the five steps (the groups of the diagram) a BPMN element of threat-remediation belongs to: the step
 * whose group it is drawn in, so a step's time runs from the first start to the last end of what the diagram
 * shows in it. That includes a step's escalation of an overdue task: its timer fires only while the task is
 * open, so it normally falls inside the step anyway. Each outcome's end event is drawn in the step it ends:
 * a false positive in IDENTIFY, an eliminated threat in VALIDATE, a mitigated one on the mitigation path.
 * Elements drawn outside every group belong to none (the start of 'Resolve threat', the overdue case's event
 * subprocess, the boundary events that leave 'Resolve threat' and the join before the mitigated end), except the
 * mitigation ordered by a manager: it is the mitigation path too, and left unassigned the step timers would
 * charge its duration to the step it interrupted.
 */
public final class RemediationSteps {

    public static final String MITIGATION = "MITIGATION";

    private static final Map<String, String> STEP_BY_ELEMENT = Map.ofEntries(
            Map.entry(START_EVENT, "IDENTIFY"),
            Map.entry(TASK_REGISTER_THREAT, "IDENTIFY"),
            Map.entry(TASK_ENRICH_THREAT, "IDENTIFY"),
            Map.entry(TASK_ASSESS_SEVERITY, "IDENTIFY"),
            Map.entry(TASK_DETERMINE_SERVICE_LEVELS, "IDENTIFY"),
            Map.entry(TASK_TRIAGE_THREAT, "IDENTIFY"),
            Map.entry(BOUNDARY_TRIAGE_OVERDUE, "IDENTIFY"),
            Map.entry(TASK_ESCALATE_OVERDUE_TRIAGE, "IDENTIFY"),
            Map.entry(END_OVERDUE_TRIAGE_ESCALATED, "IDENTIFY"),
            Map.entry(TASK_REASSESS_SERVICE_LEVELS, "IDENTIFY"),
            Map.entry(TASK_CLOSE_FALSE_POSITIVE, "IDENTIFY"),
            Map.entry(END_FALSE_POSITIVE, "IDENTIFY"),
            Map.entry(TASK_PLAN_RESPONSE, "RESPOND"),
            Map.entry(CALL_CONTAIN_THREAT, "RESPOND"),
            Map.entry(TASK_NOTIFY_STAKEHOLDERS, "RESPOND"),
            Map.entry(TASK_COLLECT_EVIDENCE, "INVESTIGATE"),
            Map.entry(TASK_INVESTIGATE_THREAT, "INVESTIGATE"),
            Map.entry(BOUNDARY_INVESTIGATION_OVERDUE, "INVESTIGATE"),
            Map.entry(TASK_ESCALATE_OVERDUE_INVESTIGATION, "INVESTIGATE"),
            Map.entry(END_OVERDUE_INVESTIGATION_ESCALATED, "INVESTIGATE"),
            Map.entry(TASK_APPROVE_ERADICATION, "ERADICATE"),
            Map.entry(TASK_ERADICATE_THREAT, "ERADICATE"),
            Map.entry(BOUNDARY_ACTION_REJECTED, "ERADICATE"),
            Map.entry(TASK_VALIDATE_REMEDIATION, "VALIDATE"),
            Map.entry(TASK_LIFT_CONTAINMENT, "VALIDATE"),
            Map.entry(TASK_CONFIRM_CLOSURE, "VALIDATE"),
            Map.entry(TASK_CLOSE_ELIMINATED, "VALIDATE"),
            Map.entry(END_THREAT_RESOLVED, "VALIDATE"),
            Map.entry(END_THREAT_ELIMINATED, "VALIDATE"),
            Map.entry(CALL_MITIGATE_THREAT, MITIGATION),
            Map.entry(END_MITIGATION_ACCEPTED, MITIGATION),
            Map.entry(CALL_MITIGATE_BY_ORDER, MITIGATION),
            Map.entry(END_THREAT_MITIGATED, MITIGATION),
            Map.entry(END_REINVESTIGATION_BY_NEW_CASE, MITIGATION));

    private RemediationSteps() {
    }

    public static Optional<String> of(String elementId) {
        return Optional.ofNullable(STEP_BY_ELEMENT.get(elementId));
    }
}
