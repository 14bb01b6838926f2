package io.threatflow.cockpit;

import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatNotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * {@code GET .../process-instance/{id}/timeline}: the threat a case handles (business key, else its
 * {@code threatId} variable) and everything that happened to it ({@code casefile.ThreatTimeline}). Whoever may
 * read the process instance may read its timeline; the engine decides that
 * ({@link RemediationCases#isReadable}).
 */
public class CaseTimelineResource extends AbstractCockpitPluginResource {

    /** What the tab shows above the timeline. */
    record ThreatSummary(String threatId, String title, String severity, String status, boolean dryRun) {
        static ThreatSummary of(Threat threat) {
            return new ThreatSummary(threat.id(), threat.title(),
                    threat.severity() == null ? null : threat.severity().name(), threat.status().name(),
                    threat.dryRun());
        }
    }

    record CaseTimeline(String processInstanceId, String processDefinitionKey, ThreatSummary threat,
                        List<ThreatTimeline.Entry> entries) {
    }

    private final String processInstanceId;
    private final SpringBeans beans;
    private final PluginAnswers answers;

    CaseTimelineResource(String engineName, String processInstanceId, SpringBeans beans) {
        super(engineName);
        this.processInstanceId = processInstanceId;
        this.beans = beans;
        this.answers = new PluginAnswers(beans.json());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response timeline() {
        if (!beans.user().isAuthenticated()) {
            return answers.unauthenticated();
        }
        Optional<RemediationCases.CaseRef> found = beans.cases().find(processInstanceId);
        if (found.isEmpty()) {
            return answers.problem(Response.Status.NOT_FOUND, "Process instance not found",
                    "No process instance with id '" + processInstanceId + "'");
        }
        if (!beans.cases().isReadable(found.get())) {
            return answers.notAllowed("You may not read process instance '" + processInstanceId + "'");
        }
        String threatId = found.get().threatId();
        if (threatId == null) {
            return answers.problem(Response.Status.NOT_FOUND, "Not a threat case",
                    "Process instance '" + processInstanceId + "' names no threat");
        }
        try {
            Threat threat = beans.threats().get(threatId);
            return answers.ok(new CaseTimeline(processInstanceId, found.get().processDefinitionKey(),
                    ThreatSummary.of(threat), beans.timeline().of(threatId)));
        } catch (ThreatNotFoundException e) {
            return answers.problem(Response.Status.NOT_FOUND, "Threat not found", e.getMessage());
        }
    }
}
