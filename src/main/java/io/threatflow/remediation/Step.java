package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The five steps of threat-remediation (the groups of its diagram), in the order a case passes them, and the
 * mitigation path beside them.
 *
 * <p>An element belongs to the step whose group it is drawn in, so a step's time runs from the first start to
 * the last end of what the diagram shows in it. That includes a step's escalation of an overdue task: its timer
 * fires only while the task is open, so it normally falls inside the step anyway. Each outcome's end event is
 * drawn in the step it ends: a false positive in IDENTIFY, an eliminated threat in VALIDATE, a mitigated one on
 * the mitigation path. Elements drawn outside every group belong to none (gateways, the start of 'Resolve
 * threat', the overdue case's event subprocess, the boundary events that leave 'Resolve threat', the sighting
 * subprocess), except the mitigation ordered by a manager: it is the mitigation path too, and left unassigned
 * the step timers would charge its duration to the step it interrupted.
 */
// what a collapsed subprocess holds belongs to the step the subprocess is drawn in
public enum Step {
    IDENTIFY(START_EVENT, TASK_REGISTER_THREAT, TASK_ENRICH_THREAT, TASK_ASSESS_SEVERITY,
            TASK_DETERMINE_SERVICE_LEVELS, TASK_TRIAGE_THREAT, BOUNDARY_TRIAGE_OVERDUE, TASK_ESCALATE_OVERDUE_TRIAGE,
            END_OVERDUE_TRIAGE_ESCALATED, TASK_REASSESS_SERVICE_LEVELS, TASK_CLOSE_FALSE_POSITIVE, END_FALSE_POSITIVE),
    RESPOND(TASK_PLAN_RESPONSE, CALL_CONTAIN_THREAT, TASK_NOTIFY_STAKEHOLDERS),
    INVESTIGATE(TASK_COLLECT_EVIDENCE, TASK_INVESTIGATE_THREAT, BOUNDARY_INVESTIGATION_OVERDUE,
            TASK_ESCALATE_OVERDUE_INVESTIGATION, END_OVERDUE_INVESTIGATION_ESCALATED),
    ERADICATE(TASK_DECIDE_APPROVAL, TASK_APPROVE_ERADICATION, TASK_ERADICATE_THREAT, BOUNDARY_ACTION_REJECTED,
            SUBPROCESS_AWAIT_ACTION_RESULT, "StartEvent_ResultAwaited", "ReceiveTask_AwaitActionResult",
            "BoundaryEvent_ActionResultLate", "Task_EscalateLateResult", "EndEvent_LateResultEscalated",
            "EndEvent_ActionApplied", "EndEvent_ActionNotApplied", "BoundaryEvent_ActionNotApplied"),
    VALIDATE(TASK_VALIDATE_REMEDIATION, SUBPROCESS_AWAIT_SOURCE_WORD, "StartEvent_SourceWordAwaited",
            "Event_SourceReportsResolved", "Event_SourceStillReports", "Event_SourceWordDue", TASK_CONFIRM_VALIDATION,
            "EndEvent_SourceReportsResolved", "EndEvent_SourceStillReports", "EndEvent_ValidationConfirmed",
            TASK_LIFT_CONTAINMENT, TASK_CONFIRM_CLOSURE, TASK_CLOSE_ELIMINATED, END_THREAT_RESOLVED,
            END_THREAT_ELIMINATED),
    /** Not one of the five: the threat is mitigated instead, by the process or by a manager's order. */
    MITIGATION(CALL_MITIGATE_THREAT, END_MITIGATION_ACCEPTED, CALL_MITIGATE_BY_ORDER, END_THREAT_MITIGATED,
            END_REINVESTIGATION_BY_NEW_CASE);

    /** The five steps of remediation, in order. */
    public static final List<Step> FIVE = List.of(IDENTIFY, RESPOND, INVESTIGATE, ERADICATE, VALIDATE);

    private static final Map<String, Step> BY_ELEMENT = Arrays.stream(values())
            .flatMap(step -> step.elements.stream().map(element -> Map.entry(element, step)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final List<String> elements;

    Step(String... elements) {
        this.elements = List.of(elements);
    }

    /** The step a BPMN element of threat-remediation belongs to, if any. */
    public static Optional<Step> of(String elementId) {
        return Optional.ofNullable(BY_ELEMENT.get(elementId));
    }

    /** The ids of the BPMN elements drawn in this step. */
    public List<String> elements() {
        return elements;
    }
}
