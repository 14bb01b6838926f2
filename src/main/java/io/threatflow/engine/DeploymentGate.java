package io.threatflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link DeploymentCheck} on each new deployment before the engine's BPMN, DMN and form deployers parse
 * it: a pre-deployer, so the check sees every path that creates a deployment (create, redeploy, the start-up's
 * auto-deployment, the Java API) and a refusal rolls the whole deployment back before a definition, timer job or
 * subscription exists. Deployments read back from the database (a cache miss, another node) are not new and were
 * checked when they were made.
 */
@Component
class DeploymentGate extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DeploymentCheck> checks;

    DeploymentGate(ObjectProvider<DeploymentCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        deployers.add(this::check);
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(deployers);
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        checks.orderedStream().forEach(check -> check.check(resources));
    }
}
