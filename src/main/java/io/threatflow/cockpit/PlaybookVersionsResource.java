package io.threatflow.cockpit;

import io.threatflow.web.NotAllowedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * {@code .../playbooks/versions}: the Playbooks page's list of versions, the same as {@code GET /api/playbooks/versions}
 * ({@code playbook.PlaybookVersions}) for a Cockpit session of someone who may use the page (managers and
 * administrators, as for moving cases).
 */
public class PlaybookVersionsResource extends AbstractCockpitPluginResource {

    private final SpringBeans beans;
    private final PluginAnswers answers;

    PlaybookVersionsResource(String engineName, SpringBeans beans) {
        super(engineName);
        this.beans = beans;
        this.answers = new PluginAnswers(beans.json());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response versions() {
        if (!beans.user().isAuthenticated()) {
            return answers.unauthenticated();
        }
        try {
            beans.migrationAccess().check();
            return answers.ok(beans.versions().list());
        } catch (NotAllowedException e) {
            return answers.notAllowed(e.getMessage());
        }
    }
}
