package io.threatflow.intake;

import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Where a case stands: which of the five steps, and which BPMN elements are active now. */
@Component
class CaseProgress {

    private static final Map<String, String> STEP_BY_ACTIVITY = Map.ofEntries(
            Map.entry(RemediationProcess.TASK_REGISTER_THREAT, "IDENTIFY"),
            Map.entry(RemediationProcess.TASK_ENRICH_THREAT, "IDENTIFY"),
            Map.entry(RemediationProcess.TASK_ASSESS_SEVERITY, "IDENTIFY"),
            Map.entry(RemediationProcess.TASK_TRIAGE_THREAT, "IDENTIFY"),
            Map.entry(RemediationProcess.TASK_CLOSE_FALSE_POSITIVE, "IDENTIFY"),
            Map.entry(RemediationProcess.TASK_PLAN_RESPONSE, "RESPOND"),
            Map.entry(RemediationProcess.CALL_CONTAIN_THREAT, "RESPOND"),
            Map.entry(RemediationProcess.TASK_NOTIFY_STAKEHOLDERS, "RESPOND"),
            Map.entry(RemediationProcess.TASK_COLLECT_EVIDENCE, "INVESTIGATE"),
            Map.entry(RemediationProcess.TASK_INVESTIGATE_THREAT, "INVESTIGATE"),
            Map.entry(RemediationProcess.TASK_APPROVE_ERADICATION, "ERADICATE"),
            Map.entry(RemediationProcess.TASK_ERADICATE_THREAT, "ERADICATE"),
            Map.entry(RemediationProcess.TASK_VALIDATE_REMEDIATION, "VALIDATE"),
            Map.entry(RemediationProcess.TASK_LIFT_CONTAINMENT, "VALIDATE"),
            Map.entry(RemediationProcess.TASK_CONFIRM_CLOSURE, "VALIDATE"),
            Map.entry(RemediationProcess.TASK_CLOSE_ELIMINATED, "VALIDATE"),
            Map.entry(RemediationProcess.CALL_MITIGATE_THREAT, "MITIGATION"));

    private final RuntimeService runtime;

    CaseProgress(RuntimeService runtime) {
        this.runtime = runtime;
    }

    ThreatView.CurrentStep of(String processInstanceId) {
        ProcessInstance instance = processInstanceId == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return new ThreatView.CurrentStep("CLOSED", List.of());
        }
        List<String> active = new ArrayList<>(runtime.getActiveActivityIds(processInstanceId));
        String step = active.stream().map(STEP_BY_ACTIVITY::get).filter(s -> s != null).findFirst().orElse("IN_PROGRESS");
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .processDefinitionKey(MitigationProcess.KEY).list()
                .forEach(sub -> active.addAll(runtime.getActiveActivityIds(sub.getId())));
        return new ThreatView.CurrentStep(step, active);
    }
}
