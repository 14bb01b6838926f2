package io.threatflow.cockpit;

import io.threatflow.access.Groups;
import io.threatflow.web.NotAllowedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * {@code GET .../navigation}: which of the plugin's pages the user may open, so that Cockpit's header offers only
 * those (a modeler sees no "Threats" that would answer "The threat KPIs are for managers"). The pages' own
 * resources still refuse whoever this leaves out; this only keeps the links from promising what fails.
 */
public class NavigationResource extends AbstractCockpitPluginResource {

    /** The pages in the header, each true when the user may open it. */
    record Pages(boolean threats, boolean playbooks, boolean risks) {
    }

    private final SpringBeans beans;
    private final PluginAnswers answers;

    NavigationResource(String engineName, SpringBeans beans) {
        super(engineName);
        this.beans = beans;
        this.answers = new PluginAnswers(beans.json());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response pages() {
        if (!beans.user().isAuthenticated()) {
            return answers.unauthenticated();
        }
        return answers.ok(new Pages(beans.kpiReaders().mayRead(), mayMigrate(),
                beans.user().isInAnyOf(Groups.CASE_READERS)));
    }

    private boolean mayMigrate() {
        try {
            beans.migrationAccess().check();
            return true;
        } catch (NotAllowedException e) {
            return false;
        }
    }
}
