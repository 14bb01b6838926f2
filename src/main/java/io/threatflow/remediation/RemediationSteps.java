package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import java.util.Map;
import java.util.Optional;

/** Which of the five steps (the groups of the diagram) a BPMN element of threat-remediation belongs to. */
public final class RemediationSteps {

    public static final String MITIGATION = "MITIGATION";

    private static final Map<String, String> STEP_BY_ELEMENT = Map.ofEntries(
            Map.entry(START_EVENT, "IDENTIFY"),
            Map.entry(TASK_REGISTER_THREAT, "IDENTIFY"),
            Map.entry(TASK_ENRICH_THREAT, "IDENTIFY"),
            Map.entry(TASK_ASSESS_SEVERITY, "IDENTIFY"),
            Map.entry(TASK_DETERMINE_SERVICE_LEVELS, "IDENTIFY"),
            Map.entry(TASK_TRIAGE_THREAT, "IDENTIFY"),
            Map.entry(TASK_REASSESS_SERVICE_LEVELS, "IDENTIFY"),
            Map.entry(TASK_CLOSE_FALSE_POSITIVE, "IDENTIFY"),
            Map.entry(END_FALSE_POSITIVE, "IDENTIFY"),
            Map.entry(TASK_PLAN_RESPONSE, "RESPOND"),
            Map.entry(CALL_CONTAIN_THREAT, "RESPOND"),
            Map.entry(TASK_NOTIFY_STAKEHOLDERS, "RESPOND"),
            Map.entry(TASK_COLLECT_EVIDENCE, "INVESTIGATE"),
            Map.entry(TASK_INVESTIGATE_THREAT, "INVESTIGATE"),
            Map.entry(TASK_APPROVE_ERADICATION, "ERADICATE"),
            Map.entry(TASK_ERADICATE_THREAT, "ERADICATE"),
            Map.entry(BOUNDARY_ACTION_REJECTED, "ERADICATE"),
            Map.entry(TASK_VALIDATE_REMEDIATION, "VALIDATE"),
            Map.entry(TASK_LIFT_CONTAINMENT, "VALIDATE"),
            Map.entry(TASK_CONFIRM_CLOSURE, "VALIDATE"),
            Map.entry(TASK_CLOSE_ELIMINATED, "VALIDATE"),
            Map.entry(END_THREAT_ELIMINATED, "VALIDATE"),
            Map.entry(CALL_MITIGATE_THREAT, MITIGATION),
            Map.entry(END_THREAT_MITIGATED, MITIGATION));

    private RemediationSteps() {
    }

    public static Optional<String> of(String elementId) {
        return Optional.ofNullable(STEP_BY_ELEMENT.get(elementId));
    }
}
