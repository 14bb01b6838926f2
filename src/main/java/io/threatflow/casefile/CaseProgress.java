package io.threatflow.casefile;

import io.threatflow.remediation.RemediationCases;
import java.util.List;
import org.springframework.stereotype.Component;

/** Where a case stands, as the API shows it: which of the five steps, and which BPMN elements are active now. */
@Component
class CaseProgress {

    static final String CLOSED = "CLOSED";
    static final String IN_PROGRESS = "IN_PROGRESS";

    private final RemediationCases cases;

    CaseProgress(RemediationCases cases) {
        this.cases = cases;
    }

    ThreatView.CurrentStep of(String processInstanceId) {
        return cases.progress(processInstanceId)
                .map(progress -> new ThreatView.CurrentStep(progress.step().map(Enum::name).orElse(IN_PROGRESS),
                        progress.activeElements()))
                .orElseGet(() -> new ThreatView.CurrentStep(CLOSED, List.of()));
    }
}
