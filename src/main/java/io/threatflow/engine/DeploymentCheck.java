package io.threatflow.engine;

import java.util.Map;

/**
 * A check every new deployment passes before the engine parses a resource of it ({@link DeploymentGate}), whoever
 * deploys and however: the engine REST API, Camunda Modeler, the application's own start-up, a test.
 */
public interface DeploymentCheck {

    /**
     * Throws a {@link org.camunda.bpm.engine.ProcessEngineException} that names what is refused when a resource
     * breaks a rule; then nothing of the deployment is stored.
     *
     * @param resources each resource's name and content
     */
    void check(Map<String, byte[]> resources);
}
