package io.threatflow.cockpit;

import io.threatflow.intake.ThreatTimeline;
import io.threatflow.remediation.RemediationProcess;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatNotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * {@code GET .../process-instance/{id}/timeline}: the threat a case handles (business key, else its
 * {@code threatId} variable) and everything that happened to it ({@code intake.ThreatTimeline}). Whoever may
 * read the process instance may read its timeline; the engine decides that, by answering the user's own
 * query: a running instance needs READ on it (or READ_INSTANCE on its definition), a finished one
 * READ_HISTORY.
 */
public class CaseTimelineResource extends AbstractCockpitPluginResource {

    /** What the tab shows above the timeline. */
    record ThreatSummary(String threatId, String title, String severity, String status) {
        static ThreatSummary of(Threat threat) {
            return new ThreatSummary(threat.id(), threat.title(),
                    threat.severity() == null ? null : threat.severity().name(), threat.status().name());
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
        Authentication user = getCurrentAuthentication();
        if (user == null) {
            return answers.unauthenticated();
        }
        ProcessEngine engine = getProcessEngine();
        HistoricProcessInstance instance = asEngine(engine, () -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
        if (instance == null) {
            return answers.problem(Response.Status.NOT_FOUND, "Process instance not found",
                    "No process instance with id '" + processInstanceId + "'");
        }
        if (!mayRead(engine, instance)) {
            return answers.problem(Response.Status.FORBIDDEN, "Not allowed",
                    "You may not read process instance '" + processInstanceId + "'");
        }
        String threatId = instance.getBusinessKey() != null ? instance.getBusinessKey() : asEngine(engine,
                () -> engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                        .variableName(RemediationProcess.THREAT_ID.name()).list().stream()
                        .map(HistoricVariableInstance::getValue).map(String::valueOf).findFirst().orElse(null));
        if (threatId == null) {
            return answers.problem(Response.Status.NOT_FOUND, "Not a threat case",
                    "Process instance '" + processInstanceId + "' names no threat");
        }
        try {
            Threat threat = beans.threats().get(threatId);
            return answers.ok(new CaseTimeline(processInstanceId, instance.getProcessDefinitionKey(),
                    ThreatSummary.of(threat), beans.timeline().of(threatId)));
        } catch (ThreatNotFoundException e) {
            return answers.problem(Response.Status.NOT_FOUND, "Threat not found", e.getMessage());
        }
    }

    /** The engine's own read check: the instance is among what the user's query may return. */
    private boolean mayRead(ProcessEngine engine, HistoricProcessInstance instance) {
        if (instance.getEndTime() == null) {
            return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 1;
        }
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count() == 1;
    }

    /**
     * Runs a lookup as the application rather than as the user: to tell "there is no such instance" (404)
     * from "you may not read it" (403), and to find the threat once reading is allowed. The user's
     * authentication is put back in any case.
     */
    private static <T> T asEngine(ProcessEngine engine, Supplier<T> lookup) {
        IdentityService identity = engine.getIdentityService();
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            identity.setAuthentication(user);
        }
    }
}
