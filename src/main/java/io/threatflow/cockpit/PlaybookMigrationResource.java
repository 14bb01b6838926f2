package io.threatflow.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.threatflow.playbook.MigrationRequest;
import io.threatflow.web.InvalidFieldException;
import io.threatflow.web.NotAllowedException;
import io.threatflow.web.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code .../playbooks/migrations}: the Playbooks page's migration tool, the same service and rules as
 * {@code /api/playbooks/migrations} ({@code playbook.CaseMigrations}, managers and administrators only) for a
 * Cockpit session: {@code GET definitions}, {@code POST plan}, {@code POST} to run, {@code GET {batchId}}.
 */
public class PlaybookMigrationResource extends AbstractCockpitPluginResource {

    private final SpringBeans beans;
    private final PluginAnswers answers;
    private final ObjectMapper strict;

    PlaybookMigrationResource(String engineName, SpringBeans beans) {
        super(engineName);
        this.beans = beans;
        this.answers = new PluginAnswers(beans.json());
        this.strict = beans.json().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @GET
    @Path("definitions")
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response definitions() {
        return answer(() -> answers.ok(beans.migrations().versions()));
    }

    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response plan(String body) {
        return answer(() -> answers.ok(beans.migrations().plan(read(body))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response migrate(String body) {
        return answer(() -> answers.accepted(Map.of("batchId", beans.migrations().migrate(read(body)))));
    }

    @GET
    @Path("{batchId}")
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response progress(@PathParam("batchId") String batchId) {
        return answer(() -> answers.ok(beans.migrations().progress(batchId)));
    }

    private MigrationRequest read(String body) {
        try {
            MigrationRequest request = strict.readValue(body == null ? "" : body, MigrationRequest.class);
            if (request == null) {
                throw new InvalidFieldException(Problems.INVALID_REQUEST, "body", "is required");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException(Problems.INVALID_REQUEST, "body", "is not the JSON this call takes: "
                    + e.getOriginalMessage());
        }
    }

    private Response answer(Supplier<Response> work) {
        if (!beans.user().isAuthenticated()) {
            return answers.unauthenticated();
        }
        try {
            beans.migrationAccess().check();
            return work.get();
        } catch (NotAllowedException e) {
            return answers.notAllowed(e.getMessage());
        } catch (InvalidFieldException e) {
            return answers.fieldProblem(e.field(), e.getMessage());
        } catch (ResponseStatusException e) {
            return answers.problem(Response.Status.fromStatusCode(e.getStatusCode().value()), "Not found", e.getReason());
        }
    }
}
