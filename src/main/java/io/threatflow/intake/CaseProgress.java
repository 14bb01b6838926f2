package io.threatflow.intake;

import io.threatflow.mitigation.MitigationProcess;
import io.threatflow.remediation.RemediationSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Where a case stands: which of the five steps, and which BPMN elements are active now. */
@Component
class CaseProgress {

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
        String step = active.stream().map(RemediationSteps::of).flatMap(Optional::stream).findFirst()
                .orElse("IN_PROGRESS");
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .processDefinitionKey(MitigationProcess.KEY).list()
                .forEach(sub -> active.addAll(runtime.getActiveActivityIds(sub.getId())));
        return new ThreatView.CurrentStep(step, active);
    }
}
