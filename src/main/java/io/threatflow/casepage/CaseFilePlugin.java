package io.threatflow.casepage;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The "Case" plugin of Tasklist: a "Threats" link in Tasklist's header to the Threats list, and a "Case" tab on
 * every task of a threat case. Found by Tasklist through
 * {@code META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}; its frontend is
 * {@code plugin-webapp/casefile/app/plugin.js}, its pages and API {@link CaseFileRootResource}.
 */
public class CaseFilePlugin extends AbstractTasklistPlugin {

    public static final String ID = "casefile";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(CaseFileRootResource.class);
    }
}
