package io.threatflow.kpi;

import io.threatflow.remediation.RemediationSteps;
import java.util.Arrays;
import java.util.Optional;

/** The five steps of threat-remediation, the labelled groups of its diagram, in the order a case passes them. */
public enum Step {
    IDENTIFY, RESPOND, INVESTIGATE, ERADICATE, VALIDATE;

    /**
     * The step a BPMN element of threat-remediation belongs to. Gateways, the mitigation path and the
     * re-observation subprocess belong to none of the five.
     */
    static Optional<Step> ofElement(String elementId) {
        return RemediationSteps.of(elementId).flatMap(name -> Arrays.stream(values())
                .filter(step -> step.name().equals(name)).findFirst());
    }
}
