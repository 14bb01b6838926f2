package io.threatflow.playbook;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment the {@link DeploymentPolicy} refuses, with every rule it breaks. A {@link BadUserRequestException}, so
 * whatever answers it (the engine REST API, the webapps' API) answers 400; nothing of the deployment is stored.
 */
public class DeploymentRefusedException extends BadUserRequestException {

    private final List<PolicyViolation> violations;

    DeploymentRefusedException(List<PolicyViolation> violations) {
        super("Deployment refused by the deployment policy (docs/playbooks.md): " + violations.stream()
                .map(v -> v.resource() + ", " + v.element() + ": " + v.rule() + " (" + v.detail() + ")")
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<PolicyViolation> violations() {
        return violations;
    }
}
