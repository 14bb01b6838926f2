package io.threatflow.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Threats" Cockpit plugin: the managers' KPI dashboard and the timeline tab of a threat case. Found by
 * Cockpit through {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; its frontend
 * is {@code plugin-webapp/threats/app/plugin.js}, its API {@link ThreatsPluginRootResource}.
 */
public class ThreatsCockpitPlugin extends AbstractCockpitPlugin {

    public static final String ID = "threats";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(ThreatsPluginRootResource.class);
    }
}
