package io.threatflow.playbook;

import io.threatflow.web.RefusedWithDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment the {@link DeploymentPolicy} refuses, with every rule it breaks. A {@link BadUserRequestException}, so
 * whatever answers it (the engine REST API, the webapps' API) answers 400; nothing of the deployment is stored.
 */
public class DeploymentRefusedException extends BadUserRequestException implements RefusedWithDetails {

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

    @Override
    public String problemTitle() {
        return "Deployment refused by the policy";
    }

    @Override
    public String detailsName() {
        return "violations";
    }

    @Override
    public List<Map<String, String>> details() {
        return violations.stream().map(v -> {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("resource", v.resource());
            json.put("element", v.element());
            json.put("rule", v.rule());
            json.put("detail", v.detail());
            return json;
        }).toList();
    }
}
