package io.threatflow.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * {@code /camunda/api/cockpit/plugin/threats/{engine}/...}, behind Camunda's webapp security filter: only a
 * request with a webapp session of that engine gets here, and the engine knows the session's user.
 */
@Path("plugin/" + ThreatsCockpitPlugin.ID)
public class ThreatsPluginRootResource extends AbstractCockpitPluginRootResource {

    public ThreatsPluginRootResource() {
        super(ThreatsCockpitPlugin.ID);
    }

    @Path("{engine}/navigation")
    public NavigationResource navigation(@PathParam("engine") String engine) {
        return subResource(new NavigationResource(engine, SpringBeans.of(servletContext)), engine);
    }

    @Path("{engine}/kpis")
    public KpiResource kpis(@PathParam("engine") String engine) {
        return subResource(new KpiResource(engine, SpringBeans.of(servletContext)), engine);
    }

    @Path("{engine}/playbooks/migrations")
    public PlaybookMigrationResource migrations(@PathParam("engine") String engine) {
        return subResource(new PlaybookMigrationResource(engine, SpringBeans.of(servletContext)), engine);
    }

    @Path("{engine}/playbooks/versions")
    public PlaybookVersionsResource versions(@PathParam("engine") String engine) {
        return subResource(new PlaybookVersionsResource(engine, SpringBeans.of(servletContext)), engine);
    }

    @Path("{engine}/risks")
    public RiskResource risks(@PathParam("engine") String engine) {
        return subResource(new RiskResource(engine, SpringBeans.of(servletContext)), engine);
    }

    @Path("{engine}/process-instance/{processInstanceId}/timeline")
    public CaseTimelineResource timeline(@PathParam("engine") String engine,
                                         @PathParam("processInstanceId") String processInstanceId) {
        return subResource(new CaseTimelineResource(engine, processInstanceId, SpringBeans.of(servletContext)), engine);
    }
}
