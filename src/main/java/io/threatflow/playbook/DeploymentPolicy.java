package io.threatflow.playbook;

import java.util.List;

/**
 * The policy every deployment that does not come from the application's own start-up passes: deployed models are
 * code, so what they may execute is limited (see docs/playbooks.md).
 */
public interface DeploymentPolicy {

    /** The rules {@code content}, deployed under {@code resourceName}, breaks; empty when it passes. */
    List<PolicyViolation> violations(String resourceName, byte[] content);
}
