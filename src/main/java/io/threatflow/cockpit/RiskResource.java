package io.threatflow.cockpit;

import io.threatflow.access.Groups;
import io.threatflow.mitigation.RiskRegister;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * {@code GET .../risks?state=OVERDUE}: the risk register ({@code mitigation.RiskRegister}, JSON as
 * {@code /api/risks}) for the Cockpit page 'Accepted risks', for whom may read the threat register.
 */
public class RiskResource extends AbstractCockpitPluginResource {

    private final SpringBeans beans;
    private final PluginAnswers answers;

    RiskResource(String engineName, SpringBeans beans) {
        super(engineName);
        this.beans = beans;
        this.answers = new PluginAnswers(beans.json());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response risks(@QueryParam("state") String state) {
        if (!beans.user().isAuthenticated()) {
            return answers.unauthenticated();
        }
        if (!beans.user().isInAnyOf(Groups.CASE_READERS)) {
            return answers.notAllowed("The risk register is for members of " + String.join(", ", Groups.CASE_READERS));
        }
        if (state == null || state.isBlank()) {
            return answers.ok(beans.risks().list(null));
        }
        return RiskRegister.State.parse(state).map(s -> answers.ok(beans.risks().list(s))).orElseGet(() -> answers.fieldProblem("state",
                "must be one of " + Arrays.toString(RiskRegister.State.values())));
    }
}
